import type { Task, TaskStatus } from "../wire/types.ts";
import { stuckLimitsFrom, type StuckLimits } from "./stuck.ts";
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
 * The wall's groups in order, each with its tasks. A stuck task (`stuck`: their ids) leaves its group for
 * "Stuck", unless it needs a person anyway; "Needs you" puts the longest wait first (`waits`: since when, by id).
 */
export function groupForWall(tasks: readonly Task[], waits: ReadonlyMap<string, number>, stuck: ReadonlySet<string>) {
  const groupOf = (t: Task): WallGroup => {
    const group = wallGroupOf(t);
    return group !== "needs-you" && stuck.has(t.id) ? "stuck" : group;
  };
  return WALL_GROUPS.map((group) => {
    const members = tasks.filter((t) => groupOf(t) === group.id);
    return { ...group, tasks: group.id === "needs-you" ? sortTasks(members, "attention", DEFAULT_DIRECTION.attention, waits) : members };
  });
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
