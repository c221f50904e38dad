const ICON = `<rect width="32" height="32" rx="6" fill="#0f172a"/><path d="M9 11h14M9 16h10M9 21h12" stroke="#38bdf8" stroke-width="3" stroke-linecap="round"/>`;

/**
 * The dashboard's icon as a data URL, with a red badge counting the tasks that wait for input (none: the
 * plain icon). index.html carries the plain one inline (vite.config.ts), so a first visit fetches no icon.
 */
export function faviconWithBadge(count: number): string {
  const label = count > 99 ? "99+" : String(count);
  const badge =
    count <= 0
      ? ""
      : `<circle cx="23" cy="9" r="9" fill="#dc2626"/><text x="23" y="13" font-family="sans-serif" font-size="${label.length > 1 ? 9 : 12}" font-weight="bold" text-anchor="middle" fill="#fff">${label}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${ICON}${badge}</svg>`;
  // Escapes only what a data URL needs, so the copy inline in index.html stays small.
  return `data:image/svg+xml,${svg.replaceAll('"', "'").replace(/[#%<>]/g, encodeURIComponent)}`;
}
