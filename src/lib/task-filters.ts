import { TASK_STATUSES, type Task, type TaskStatus } from "../wire/types.ts";
import { DEFAULT_STUCK_LIMITS, stuckLimitsFrom, type StuckIds, type StuckLimits } from "./stuck.ts";
import { isWaitingForInput, taskPhase, type Phase } from "./task-phase.ts";

/**
 * The task list's filters, as they live in the URL. Owner and organization go to the server in `q`; status,
 * "waiting for input", search and sort are applied here to that one list (see TasksPage for why).
 */
export type SortKey = "attention" | "created" | "updated" | "status" | "name";
export const SORT_KEYS: readonly SortKey[] = ["attention", "created", "updated", "status", "name"];
export type SortDirection = "asc" | "desc";

export interface TaskFilters {
  statuses: TaskStatus[];
  waiting: boolean;
  /** Only stuck tasks (lib/stuck.ts), by the limits below. */
  stuck: boolean;
  stuckLimits: StuckLimits;
  owner: string;
  organization: string;
  search: string;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: TaskFilters = {
  statuses: [],
  waiting: false,
  stuck: false,
  stuckLimits: DEFAULT_STUCK_LIMITS,
  owner: "",
  organization: "",
  search: "",
  sort: "attention",
  direction: "desc",
};

/** The natural direction of each sort: newest first for times, A to Z for names. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  attention: "desc",
  created: "desc",
  updated: "desc",
  status: "asc",
  name: "asc",
};

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

/** A username or organization name from the URL; anything else is ignored rather than sent to the server. */
export function nameParam(value: string | null): string {
  return value !== null && NAME.test(value) ? value : "";
}

/** `active,paused` from the URL: the known statuses, once each. */
export function statusesParam(value: string | null): TaskStatus[] {
  const known = (value ?? "").split(",").filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s));
  return [...new Set(known)];
}

export function parseFilters(params: URLSearchParams): TaskFilters {
  const sortParam = params.get("sort") ?? "";
  const sort = (SORT_KEYS as readonly string[]).includes(sortParam) ? (sortParam as SortKey) : DEFAULT_FILTERS.sort;
  const dir = params.get("dir");
  return {
    statuses: statusesParam(params.get("status")),
    waiting: params.get("waiting") === "1",
    stuck: params.get("stuck") === "1",
    stuckLimits: stuckLimitsFrom(params),
    owner: nameParam(params.get("owner")),
    organization: nameParam(params.get("org")),
    search: (params.get("q") ?? "").slice(0, 200),
    sort,
    direction: dir === "asc" || dir === "desc" ? dir : DEFAULT_DIRECTION[sort],
  };
}

/** The URL form of the filters, leaving out whatever is at its default so shared links stay short. */
export function filtersToParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses.length > 0) params.set("status", filters.statuses.join(","));
  if (filters.waiting) params.set("waiting", "1");
  if (filters.stuck) params.set("stuck", "1");
  if (filters.stuckLimits.startingMinutes !== DEFAULT_STUCK_LIMITS.startingMinutes) {
    params.set("stuck-initializing", String(filters.stuckLimits.startingMinutes));
  }
  if (filters.stuckLimits.workingMinutes !== DEFAULT_STUCK_LIMITS.workingMinutes) {
    params.set("stuck-working", String(filters.stuckLimits.workingMinutes));
  }
  if (filters.owner) params.set("owner", filters.owner);
  if (filters.organization) params.set("org", filters.organization);
  if (filters.search) params.set("q", filters.search);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.direction !== DEFAULT_DIRECTION[filters.sort]) params.set("dir", filters.direction);
  return params;
}

/** Coder's `q` for the server-side part, quoted the way the Go SDK quotes it. */
export function serverQuery(filters: Pick<TaskFilters, "owner" | "organization">): string {
  const terms: string[] = [];
  if (filters.owner) terms.push(`owner:"${filters.owner}"`);
  if (filters.organization) terms.push(`organization:"${filters.organization}"`);
  return terms.join(" ");
}

/** Lower-cased text that search matches against: names, prompt and the agent's message. */
export function searchText(task: Task): string {
  return `${task.display_name}\n${task.name}\n${task.initial_prompt}\n${task.current_state?.message ?? ""}`.toLowerCase();
}

/** Status toggles, "waiting for input" and "stuck" combine with OR; none selected means every task. */
export function matchesStatus(
  task: Task,
  filters: Pick<TaskFilters, "statuses" | "waiting" | "stuck">,
  stuck: StuckIds = NONE_STUCK,
): boolean {
  if (filters.statuses.length === 0 && !filters.waiting && !filters.stuck) return true;
  return filters.statuses.includes(task.status) || (filters.waiting && isWaitingForInput(task)) || (filters.stuck && stuck.has(task.id));
}

const NONE_STUCK: StuckIds = new Set();

/** Needs a person first, then failures, then agents at work, then the rest. */
const ATTENTION_RANK: Record<Phase, number> = { "needs-person": 0, error: 0, working: 1, starting: 2, unknown: 2, done: 2, paused: 2 };

const STATUS_ORDER: Record<TaskStatus, number> = { error: 0, active: 1, initializing: 2, pending: 3, unknown: 4, paused: 5 };

interface Keyed {
  task: Task;
  created: number;
  updated: number;
  label: string;
  /** The attention rank or the status order, whichever the sort compares. */
  rank: number;
  /** Since when it has waited for a person (ms); Infinity when it is not waiting. */
  waitSince: number;
}

type Compare = (a: Keyed, b: Keyed) => number;

const newestFirst: Compare = (a, b) => b.created - a.created;

const COMPARE: Record<SortKey, Compare> = {
  // Among the tasks that need a person, the longest wait first.
  attention: (a, b) => a.rank - b.rank || (a.waitSince === b.waitSince ? 0 : a.waitSince < b.waitSince ? -1 : 1) || newestFirst(a, b),
  created: (a, b) => b.created - a.created,
  updated: (a, b) => b.updated - a.updated || newestFirst(a, b),
  status: (a, b) => a.rank - b.rank || newestFirst(a, b),
  name: (a, b) => a.label.localeCompare(b.label) || newestFirst(a, b),
};

const NO_WAITS: ReadonlyMap<string, number> = new Map();

/**
 * Sorts a copy. Every key is worked out once per task, not per comparison: times are parsed (Go trims
 * trailing zeros from sub-seconds, so the strings do not compare as text) and phases decided up front.
 */
export function sortTasks(
  tasks: readonly Task[],
  sort: SortKey,
  direction: SortDirection,
  waitingSince: ReadonlyMap<string, number> = NO_WAITS,
): Task[] {
  const keyed: Keyed[] = tasks.map((task) => ({
    task,
    created: Date.parse(task.created_at),
    updated: sort === "updated" ? Date.parse(task.updated_at) : 0,
    label: sort === "name" ? task.display_name || task.name : "",
    rank: sort === "attention" ? ATTENTION_RANK[taskPhase(task)] : sort === "status" ? (STATUS_ORDER[task.status] ?? 4) : 0,
    waitSince: waitingSince.get(task.id) ?? Infinity,
  }));
  const compare = COMPARE[sort];
  const flip = direction === DEFAULT_DIRECTION[sort] ? 1 : -1;
  keyed.sort((a, b) => flip * compare(a, b));
  return keyed.map((k) => k.task);
}
