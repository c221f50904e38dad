/**
 * Agents set `current_state.uri` and Coder stores it unvalidated, so only http: and https: URLs may become
 * links; anything else (javascript:, data:, …) is shown as text.
 */
export function safeHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** GitHub pull requests and issues read better as org/repo#123. */
export function shortLinkLabel(url: URL): string {
  const match = url.hostname === "github.com" ? url.pathname.match(/^\/([^/]+)\/([^/]+)\/(?:pull|issues)\/(\d+)\/?$/) : null;
  return match ? `${match[1]}/${match[2]}#${match[3]}` : url.href;
}

/** An image source from the server: a same-origin path, or an http(s) URL; nothing else (javascript:, data:). */
export function safeImageSrc(value: string): string | null {
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  return safeHttpUrl(value)?.href ?? null;
}
