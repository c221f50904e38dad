import type { TaskStatus } from "../wire/types.ts";

/**
 * Which of pause and resume to offer, following Coder's own rules (taskActions.ts): pause is offered for
 * active, initializing, pending, error and unknown but disabled while a start build is pending or running;
 * resume is offered for paused, error and unknown.
 */
export function pauseResumeFor(status: TaskStatus): { pause: "enabled" | "disabled" | "hidden"; resume: boolean } {
  const pause = status === "paused" ? "hidden" : status === "pending" || status === "initializing" ? "disabled" : "enabled";
  return { pause, resume: status === "paused" || status === "error" || status === "unknown" };
}
