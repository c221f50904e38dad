import { safeImageSrc } from "../lib/safe-url.ts";

/** A template's icon: Coder serves these at paths like /icon/claude.svg, which the dashboard proxies. */
export function TemplateIcon({ icon, size = 16 }: { icon: string; size?: number }) {
  const src = icon ? safeImageSrc(icon) : null;
  if (!src) return null;
  return <img src={src} alt="" width={size} height={size} className="inline-block shrink-0" />;
}
