import type { Task, TaskStatus } from "../api/types.ts";
import { TASK_STATUSES } from "./status.ts";

export type WallGroup = "needs-you" | "working" | "starting" | "paused" | "done";

export const WALL_GROUPS: { id: WallGroup; title: string; noun: string }[] = [
  { id: "needs-you", title: "Needs you", noun: "need you" },
  { id: "working", title: "Working", noun: "working" },
  { id: "starting", title: "Starting", noun: "starting" },
  { id: "paused", title: "Paused", noun: "paused" },
  { id: "done", title: "Done", noun: "done" },
];

/**
 * Waiting for input, failed and errored tasks need a person; the rest sort by what the agent is doing.
 * Unknown (a stop in flight, or an agent that went off) is shown with the paused ones: nobody can act on it.
 */
export function wallGroupOf(task: Task): WallGroup {
  const state = task.current_state?.state;
  if (task.status === "error" || (task.status === "active" && (state === "idle" || state === "failed"))) return "needs-you";
  if (task.status === "pending" || task.status === "initializing") return "starting";
  if (task.status === "paused" || task.status === "unknown") return "paused";
  return state === "complete" ? "done" : "working";
}

export interface StuckLimits {
  initializingMinutes: number;
  workingMinutes: number;
}

/** Minutes a task has been stuck in its state, or null when it is within the limits. */
export function stuckMinutes(task: Task, now: number, limits: StuckLimits): number | null {
  const since = Date.parse(task.current_state?.timestamp ?? task.updated_at);
  if (Number.isNaN(since)) return null;
  const minutes = Math.floor((now - since) / 60_000);
  const isInitializing = task.status === "initializing" || task.status === "pending";
  const isWorking = task.status === "active" && task.current_state?.state === "working";
  if (isInitializing && minutes >= limits.initializingMinutes) return minutes;
  if (isWorking && minutes >= limits.workingMinutes) return minutes;
  return null;
}

export interface WallConfig {
  owner: string;
  organization: string;
  statuses: TaskStatus[];
  isPrivate: boolean;
  stuck: StuckLimits;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

function minutes(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isFinite(n) && n > 0 && n <= 7 * 24 * 60 ? n : fallback;
}

/** A wall is a bookmark: everything it shows is set in its URL, and nonsense falls back to the defaults. */
export function parseWallConfig(params: URLSearchParams): WallConfig {
  const owner = params.get("owner") ?? "";
  const organization = params.get("organization") ?? "";
  return {
    owner: NAME.test(owner) ? owner : "",
    organization: NAME.test(organization) ? organization : "",
    statuses: (params.get("status") ?? "").split(",").filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s)),
    isPrivate: params.get("privacy") === "1",
    stuck: {
      initializingMinutes: minutes(params.get("stuck-initializing"), 10),
      workingMinutes: minutes(params.get("stuck-working"), 60),
    },
  };
}
