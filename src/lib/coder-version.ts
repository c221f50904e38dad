/** Pause and resume arrived in Coder v2.31.1; development builds (v0.0.0-devel) have everything. */
export function hasPauseResume(version: string | undefined): boolean {
  if (version === undefined) return true;
  const match = version.match(/^v?(\d+)\.(\d+)\.(\d+)/);
  if (!match || match[1] === "0") return true;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (major !== 2) return major > 2;
  return minor !== 31 ? minor > 31 : patch >= 1;
}
