import type { Task, Workspace, WorkspaceAppStatus, WorkspaceBuild } from "../wire/types.ts";
import { agentState } from "./task-phase.ts";
import { buildTimeline } from "./timeline.ts";
import { appStatuses } from "./waiting.ts";

/** What Coder's records tell of one task beyond the task list: the builds read of its workspace and its app's reports. */
export interface History {
  /** Every build when they were read; otherwise the latest alone (so only the current pause is known). */
  builds: readonly WorkspaceBuild[];
  /** The chat app's reports, newest first (as Coder sends them). */
  statuses: readonly WorkspaceAppStatus[];
  /** Whether the chat app reports itself unhealthy. */
  appUnhealthy: boolean;
}

/** A task's history from its workspace (as the workspace list carries it) and its builds, when they were read. */
function historyOf(task: Pick<Task, "workspace_app_id">, workspace: Workspace, builds: readonly WorkspaceBuild[] | undefined): History {
  const all = builds ?? [workspace.latest_build];
  const app = all
    .flatMap((b) => b.resources.flatMap((r) => r.agents ?? []).flatMap((a) => a.apps))
    .find((a) => a.id === task.workspace_app_id);
  return { builds: all, statuses: appStatuses(task, workspace, builds ?? []), appUnhealthy: app?.health === "unhealthy" };
}

/** Each task's history, by task id, from the workspaces read and the builds read of them. */
export function historiesOf(
  tasks: readonly Task[],
  workspaces: readonly Workspace[],
  builds: ReadonlyMap<string, readonly WorkspaceBuild[]>,
): Map<string, History> {
  const byId = new Map(workspaces.map((ws) => [ws.id, ws]));
  const out = new Map<string, History>();
  for (const task of tasks) {
    const ws = byId.get(task.workspace_id ?? "");
    if (ws) out.set(task.id, historyOf(task, ws, builds.get(ws.id)));
  }
  return out;
}

export type Outcome = "completed" | "failed" | "error" | "open";

export type FailureSource = "build" | "agent-start" | "app-unhealthy" | "agent-failure";
export const FAILURE_SOURCES: readonly FailureSource[] = ["build", "agent-start", "app-unhealthy", "agent-failure"];

export interface Spread {
  count: number;
  /** Milliseconds; null without any value. */
  p50: number | null;
  p90: number | null;
}

export interface Insights {
  /** The first day of the window (local midnight, ms) and each day's label, oldest first. */
  from: number;
  days: string[];
  /** Tasks created per day, by what became of them. */
  created: Record<Outcome, number[]>;
  /** How long agents waited for a person's answer (from going idle to working again), over the window. */
  response: { all: Spread; byOwner: Map<string, Spread>; byTemplate: Map<string, Spread> };
  /** From a task's creation to its agent's first report. */
  firstReport: { all: Spread; byTemplate: Map<string, Spread> };
  failures: Record<FailureSource, number>;
  /** Hours per day spent working, waiting for a person, and paused. */
  hours: { working: number[]; waiting: number[]; paused: number[] };
  /** Tasks in the window, and how many of those had their history read. */
  tasks: number;
  withHistory: number;
}

const HOUR = 3_600_000;

/** Local midnight of the day `ms` falls in. */
function dayStart(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

const nextDay = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
};

function dayLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Nearest-rank percentiles of a list of durations. */
export function spread(values: number[]): Spread {
  if (values.length === 0) return { count: 0, p50: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
  return { count: sorted.length, p50: rank(0.5), p90: rank(0.9) };
}

function spreads(groups: Map<string, number[]>): Map<string, Spread> {
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, values]) => [key, spread(values)]));
}

function push(groups: Map<string, number[]>, key: string, value: number): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** What became of a task: its agent's last word, or Coder's error status; anything else is still open. */
export function outcomeOf(task: Pick<Task, "status" | "current_state">): Outcome {
  if (task.status === "error") return "error";
  const state = agentState(task);
  if (state === "complete") return "completed";
  if (state === "failed") return "failed";
  return "open";
}

/** Where a task's failure came from, the first that applies; null for a task that did not fail. */
export function failureOf(task: Task, history: History | undefined): FailureSource | null {
  if (task.workspace_status === "failed") return "build";
  const lifecycle = task.workspace_agent_lifecycle;
  if (lifecycle === "start_error" || lifecycle === "start_timeout") return "agent-start";
  if (history ? history.appUnhealthy : task.workspace_agent_health?.healthy === false) return "app-unhealthy";
  if (agentState(task) === "failed") return "agent-failure";
  return null;
}

function addByDay(into: number[], from: number, to: number, starts: number[]): void {
  let at = from;
  while (at < to) {
    const index = dayIndex(starts, at);
    const end = Math.min(to, starts[index + 1] ?? to);
    if (index >= 0) into[index] = (into[index] ?? 0) + (end - at) / HOUR;
    at = end;
  }
}

/** The index of the day that `ms` falls in (binary search over the days' starts). */
function dayIndex(starts: number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (ms < (starts[0] ?? 0)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The insights over the last `days` days (today included) of `tasks`, from the task list and, where read, each
 * task's history (by task id). Everything is counted for tasks created in the window, except time, which
 * counts wherever it falls in the window.
 */
export function computeInsights(tasks: readonly Task[], histories: ReadonlyMap<string, History>, now: number, days: number): Insights {
  const starts: number[] = [];
  for (let at = dayStart(now - (days - 1) * 24 * HOUR); starts.length < days; at = nextDay(at)) starts.push(at);
  const from = starts[0] ?? now;
  const zeros = () => starts.map(() => 0);
  const created = { completed: zeros(), failed: zeros(), error: zeros(), open: zeros() };
  const failures: Record<FailureSource, number> = { build: 0, "agent-start": 0, "app-unhealthy": 0, "agent-failure": 0 };
  const hours = { working: zeros(), waiting: zeros(), paused: zeros() };
  const responses: number[] = [];
  const responseByOwner = new Map<string, number[]>();
  const responseByTemplate = new Map<string, number[]>();
  const firsts: number[] = [];
  const firstByTemplate = new Map<string, number[]>();
  let inWindow = 0;
  let withHistory = 0;

  for (const task of tasks) {
    const createdAt = Date.parse(task.created_at);
    const history = histories.get(task.id);
    const isNew = createdAt >= from && createdAt <= now;
    const template = task.template_display_name || task.template_name;
    if (isNew) {
      inWindow++;
      if (history) withHistory++;
      const day = dayIndex(starts, createdAt);
      created[outcomeOf(task)][day] = (created[outcomeOf(task)][day] ?? 0) + 1;
      const failure = failureOf(task, history);
      if (failure) failures[failure]++;
    }
    if (!history) continue;
    // What the time went to, as the task page's timeline tells it: each moment lasts until the next.
    let idleSince: number | null = null;
    let firstReport: number | null = null;
    for (const event of buildTimeline(history.builds, history.statuses, now).events) {
      if (event.spent === "working" || event.spent === "waiting" || event.spent === "paused") {
        addByDay(hours[event.spent], Math.max(event.at, from), Math.min(event.at + event.lastsMs, now), starts);
      }
      if (event.kind !== "report") continue;
      firstReport ??= event.at;
      if (event.spent === "waiting") {
        idleSince ??= event.at;
        continue;
      }
      // A wait ends when the agent works on an answer; one that ends otherwise had no answer to measure.
      if (event.spent === "working" && idleSince !== null && idleSince >= from) {
        const wait = event.at - idleSince;
        responses.push(wait);
        push(responseByOwner, task.owner_name, wait);
        push(responseByTemplate, template, wait);
      }
      idleSince = null;
    }
    if (isNew && firstReport !== null) {
      firsts.push(firstReport - createdAt);
      push(firstByTemplate, template, firstReport - createdAt);
    }
  }

  return {
    from,
    days: starts.map(dayLabel),
    created,
    response: { all: spread(responses), byOwner: spreads(responseByOwner), byTemplate: spreads(responseByTemplate) },
    firstReport: { all: spread(firsts), byTemplate: spreads(firstByTemplate) },
    failures,
    hours,
    tasks: inWindow,
    withHistory,
  };
}
