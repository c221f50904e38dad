/**
 * What a Coder version means for Tasks (deployment reference §1.2, §1.5). The version string comes from
 * /buildinfo, e.g. v2.34.5+1a2b3c4; development builds (v0.0.0-devel) have everything.
 */
interface Version {
  minor: number;
  patch: number;
  isDevel: boolean;
}

function parse(version: string | undefined): Version | null {
  const match = version?.match(/^v?(\d+)\.(\d+)\.(\d+)/);
  if (!match) return null;
  return { minor: Number(match[2]), patch: Number(match[3]), isDevel: match[1] === "0" };
}

const atLeast = (v: Version | null, minor: number, patch = 0) =>
  v === null || v.isDevel || v.minor > minor || (v.minor === minor && v.patch >= patch);

/** Pause and resume: from v2.31.0 under /api/experimental, from v2.31.1 under /api/v2 too. */
export const hasPauseResume = (version: string | undefined) => atLeast(parse(version), 31);

/** The version without its build metadata, for people to read. */
export const shortVersion = (version: string | undefined) => version?.replace(/\+.*$/, "") ?? "unknown";

export const SUPPORTED = "Coder v2.29 to v2.36, the v2.34 extended-support release, and v2.37 with CODER_ENABLE_AI_TASKS=true";

/** Why a deployment has no task routes at all, in words for the person looking at it. */
export function whyNoTasks(version: string | undefined): string[] {
  const v = parse(version);
  const named = `Coder ${shortVersion(version)}`;
  if (v !== null && !v.isDevel && v.minor >= 37) {
    return [
      `Coder Tasks is turned off on this deployment (${named}).`,
      "On v2.37 an administrator can turn it back on with CODER_ENABLE_AI_TASKS=true. Later Coder releases no longer include Tasks: use the v2.34 extended-support release, or move to Coder Agents.",
    ];
  }
  return [`Coder Tasks is not available on this Coder version (${named}).`];
}

/** What a user of this deployment should know about its Tasks, if anything. */
export function deploymentNotice(version: string | undefined, api: "stable" | "experimental"): string | null {
  const v = parse(version);
  if (api === "experimental")
    return `This Coder (${shortVersion(version)}) has only the experimental Tasks API; some things may differ. ${SUPPORTED} are supported.`;
  if (v === null || v.isDevel) return null;
  if (v.minor >= 37) return "Tasks is on here through CODER_ENABLE_AI_TASKS, and later Coder releases remove it.";
  if (v.minor === 34) return "Coder v2.34 extended-support release: Tasks is supported, and deprecated.";
  return null;
}
