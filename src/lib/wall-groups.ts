import type { Task, TaskStatus } from "../wire/types.ts";
import { stuckLimitsFrom, type StuckIds, type StuckLimits } from "./stuck.ts";
import { DEFAULT_DIRECTION, nameParam, sortTasks, statusesParam } from "./task-filters.ts";
import { taskPhase, type Phase } from "./task-phase.ts";

export type WallGroup = "needs-you" | "stuck" | "working" | "starting" | "paused" | "done";

export const WALL_GROUPS: { id: WallGroup; title: string; noun: string }[] = [
  { id: "needs-you", title: "Needs you", noun: "need you" },
  { id: "stuck", title: "Stuck", noun: "stuck" },
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

/**
 * The wall's groups in order, each with its tasks. A stuck task (`stuck`) leaves its group for
 * "Stuck", unless it needs a person anyway; "Needs you" puts the longest wait first (`waits`: since when, by id).
 */
export function groupForWall(tasks: readonly Task[], waits: ReadonlyMap<string, number>, stuck: StuckIds) {
  const groupOf = (t: Task): WallGroup => {
    const group = wallGroupOf(t);
    return group !== "needs-you" && stuck.has(t.id) ? "stuck" : group;
  };
  return WALL_GROUPS.map((group) => {
    const members = tasks.filter((t) => groupOf(t) === group.id);
    return { ...group, tasks: group.id === "needs-you" ? sortTasks(members, "attention", DEFAULT_DIRECTION.attention, waits) : members };
  });
}

export interface WallFigures {
  needsYou: number;
  stuck: number;
  working: number;
  starting: number;
  failedToday: number;
  doneToday: number;
  /** The longest wait for a person (ms), or null when nobody is keeping an agent waiting. */
  longestWaitMs: number | null;
}

/**
 * The big numbers across the top of a wall: each group's count as the wall shows it, what failed and what
 * finished since midnight (by the latest report, or the last change without one), and the longest wait.
 */
export function wallFigures(
  groups: readonly { id: WallGroup; tasks: readonly Task[] }[],
  tasks: readonly Task[],
  waits: ReadonlyMap<string, number>,
  now: number,
): WallFigures {
  const count = (id: WallGroup) => groups.find((g) => g.id === id)?.tasks.length ?? 0;
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const today = (t: Task) => Date.parse(t.current_state?.timestamp ?? t.updated_at) >= midnight;
  const oldestWait = Math.min(...waits.values());
  return {
    needsYou: count("needs-you"),
    stuck: count("stuck"),
    working: count("working"),
    starting: count("starting"),
    failedToday: tasks.filter((t) => taskPhase(t) === "error" && today(t)).length,
    doneToday: tasks.filter((t) => taskPhase(t) === "done" && today(t)).length,
    longestWaitMs: Number.isFinite(oldestWait) ? Math.max(0, now - oldestWait) : null,
  };
}

export interface WallConfig {
  owner: string;
  organization: string;
  statuses: TaskStatus[];
  isPrivate: boolean;
  stuck: StuckLimits;
}

/** A wall is a bookmark: everything it shows is set in its URL, and nonsense falls back to the defaults. */
export function parseWallConfig(params: URLSearchParams): WallConfig {
  return {
    owner: nameParam(params.get("owner")),
    organization: nameParam(params.get("organization")),
    statuses: statusesParam(params.get("status")),
    isPrivate: params.get("privacy") === "1",
    stuck: stuckLimitsFrom(params),
  };
}
