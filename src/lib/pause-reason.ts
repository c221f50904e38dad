import type { WorkspaceBuild } from "../wire/types.ts";

/** Why a paused task's workspace stopped, from its stop build. */
export interface PauseReason {
  /** The lifecycle executor stopped it at its deadline: task_auto_pause, or autostop before Coder v2.31. */
  automatic: boolean;
  /** Who stopped it by hand; null when it paused itself. */
  by: string | null;
  at: string;
}

const AUTOMATIC: ReadonlySet<string> = new Set(["task_auto_pause", "autostop"]);

/** The reason a stop build records; null for any other build. */
export function pauseReasonOf(build: WorkspaceBuild): PauseReason | null {
  if (build.transition !== "stop") return null;
  const automatic = AUTOMATIC.has(build.reason);
  // Coder records its own builds with the workspace owner as initiator, so the name means nothing then.
  return { automatic, by: automatic ? null : build.initiator_name, at: build.created_at };
}

/** "Paused itself (idle timeout)" or "Paused by alice", the same words on every page. */
export function pauseReasonWords(reason: PauseReason, me: string | undefined): string {
  if (reason.automatic) return "Paused itself (idle timeout)";
  if (reason.by === null || reason.by === "") return "Paused";
  return `Paused by ${reason.by === me ? "you" : reason.by}`;
}
