/** The dashboard's icon with a red badge counting the tasks that wait for input (none: the plain icon). */
export function faviconWithBadge(count: number): string {
  if (count <= 0) return "/favicon.svg";
  const label = count > 99 ? "99+" : String(count);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f172a"/><path d="M9 11h14M9 16h10M9 21h12" stroke="#38bdf8" stroke-width="3" stroke-linecap="round"/><circle cx="23" cy="9" r="9" fill="#dc2626"/><text x="23" y="13" font-family="sans-serif" font-size="${label.length > 1 ? 9 : 12}" font-weight="bold" text-anchor="middle" fill="#fff">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
