import type { Task, TaskStatus } from "../wire/types.ts";
import { DEFAULT_DIRECTION, nameParam, sortTasks, statusesParam } from "./task-filters.ts";
import { taskPhase, type Phase } from "./task-phase.ts";

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
const GROUP_OF: Record<Phase, WallGroup> = {
  "needs-person": "needs-you",
  error: "needs-you",
  starting: "starting",
  working: "working",
  done: "done",
  paused: "paused",
  unknown: "paused",
};

export const wallGroupOf = (task: Task): WallGroup => GROUP_OF[taskPhase(task)];

/** The wall's groups in order, each with its tasks; "Needs you" puts the longest wait first (`waits`: since when, by task id). */
export function groupForWall(tasks: readonly Task[], waits: ReadonlyMap<string, number>) {
  return WALL_GROUPS.map((group) => {
    const members = tasks.filter((t) => wallGroupOf(t) === group.id);
    return { ...group, tasks: group.id === "needs-you" ? sortTasks(members, "attention", DEFAULT_DIRECTION.attention, waits) : members };
  });
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
  const phase = taskPhase(task);
  const isInitializing = phase === "starting";
  const isWorking = phase === "working" && task.current_state !== null;
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

function minutes(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isFinite(n) && n > 0 && n <= 7 * 24 * 60 ? n : fallback;
}

/** A wall is a bookmark: everything it shows is set in its URL, and nonsense falls back to the defaults. */
export function parseWallConfig(params: URLSearchParams): WallConfig {
  return {
    owner: nameParam(params.get("owner")),
    organization: nameParam(params.get("organization")),
    statuses: statusesParam(params.get("status")),
    isPrivate: params.get("privacy") === "1",
    stuck: {
      initializingMinutes: minutes(params.get("stuck-initializing"), 10),
      workingMinutes: minutes(params.get("stuck-working"), 60),
    },
  };
}
