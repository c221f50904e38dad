/**
 * What the simulated Coder version has, from the deployment reference (§1.2 task API generations, §1.4
 * tasks behind CODER_ENABLE_AI_TASKS, §10 older servers).
 */
export interface Features {
  version: string;
  /** Any task routes at all: off from v2.37 unless enabled, removed from v2.38. */
  tasks: boolean;
  /** /api/v2/tasks beside /api/experimental/tasks: v2.29 and later. */
  stableTasks: boolean;
  /** Pause and resume under /api/experimental: v2.31.0 and later. */
  pauseUnderExperimental: boolean;
  /** Pause and resume under /api/v2 as well: v2.31.1 and later. */
  pauseUnderStable: boolean;
  /** A send to a busy agent: 409 from v2.32, 502 before. */
  busySendStatus: 409 | 502;
  /** An agent's failure in current_state: "failed" from v2.32; the app status's own "failure" before. */
  failedState: "failed" | "failure";
  /** The API rate limit keys signed-in callers by user from v2.32, by client address before. */
  rateLimitByUser: boolean;
  /** A task app's `working` reports (and the first one leaving it) bump the deadline: v2.30 and later. */
  appStatusBumpsDeadline: boolean;
  /** Creating a workspace (and so a task) for an owner who lacks a required external auth link is refused: v2.33 on. */
  externalAuthRequired: boolean;
  /** GET /templateversions/{id}/external-auth reads `user_id`: v2.36 on (older servers ignore it). */
  externalAuthForUser: boolean;
  /** The reason on the stop build of a task past its deadline: task_auto_pause from v2.31, autostop before. */
  autoPauseReason: "task_auto_pause" | "autostop";
}

export const DEFAULT_VERSION = "v2.33.1";

export function versionAtLeast(version: string, major: number, minor: number, patch: number): boolean {
  const match = version.match(/^v?(\d+)\.(\d+)\.(\d+)/);
  // Development builds (v0.0.0-devel) carry everything.
  if (!match || match[1] === "0") return true;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

export function featuresOf(version: string, enableAiTasks: boolean): Features {
  const atLeast = (minor: number, patch = 0) => versionAtLeast(version, 2, minor, patch);
  const isDevel = /^v?0\./.test(version);
  const removed = !isDevel && atLeast(38);
  const gated = !isDevel && atLeast(37);
  return {
    version,
    tasks: !removed && (!gated || enableAiTasks),
    stableTasks: atLeast(29),
    pauseUnderExperimental: atLeast(31),
    pauseUnderStable: atLeast(31, 1),
    busySendStatus: atLeast(32) ? 409 : 502,
    failedState: atLeast(32) ? "failed" : "failure",
    rateLimitByUser: atLeast(32),
    appStatusBumpsDeadline: atLeast(30),
    externalAuthRequired: atLeast(33),
    externalAuthForUser: atLeast(36),
    autoPauseReason: atLeast(31) ? "task_auto_pause" : "autostop",
  };
}
