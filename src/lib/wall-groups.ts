import type { Task } from "../api/types.ts";

export type WallGroup = "needs-you" | "working" | "starting" | "paused" | "done" | "other";

export const WALL_GROUPS: { id: WallGroup; title: string }[] = [
  { id: "needs-you", title: "Needs you" },
  { id: "working", title: "Working" },
  { id: "starting", title: "Starting" },
  { id: "paused", title: "Paused" },
  { id: "done", title: "Done" },
  { id: "other", title: "Other" },
];

/** Waiting for input, failed and errored tasks need a person; the rest sort by what the agent is doing. */
export function wallGroupOf(task: Task): WallGroup {
  const state = task.current_state?.state;
  if (task.status === "error" || (task.status === "active" && (state === "idle" || state === "failed"))) return "needs-you";
  if (task.status === "pending" || task.status === "initializing") return "starting";
  if (task.status === "paused") return "paused";
  if (task.status === "active" && state === "complete") return "done";
  if (task.status === "active") return "working";
  return "other";
}
