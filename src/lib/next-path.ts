/** Where to go after sign-in: only a path on this site, never another origin. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/tasks";
  return next;
}
