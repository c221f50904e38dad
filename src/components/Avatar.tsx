import { safeImageSrc } from "../lib/safe-url.ts";

/** A user's avatar, or their initial when there is none; the name itself is always shown beside it. */
export function Avatar({ name, url, size = 20 }: { name: string; url?: string; size?: number }) {
  const src = url ? safeImageSrc(url) : null;
  const box = { width: size, height: size };
  if (src) return <img src={src} alt="" style={box} className="inline-block shrink-0 rounded-full bg-slate-200 object-cover" />;
  return (
    <span
      aria-hidden="true"
      style={{ ...box, fontSize: size * 0.55 }}
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-slate-300 font-semibold text-slate-700 uppercase"
    >
      {name.charAt(0) || "?"}
    </span>
  );
}
