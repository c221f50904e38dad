import type { Task } from "../wire/types.ts";
import { durationWords } from "./time.ts";
import { taskPhase } from "./task-phase.ts";

/** How long a task may start, or work without a new report, before it counts as stuck (minutes). */
export interface StuckLimits {
  /** The floor for starting: a template's usual start time can allow more, never less. */
  startingMinutes: number;
  workingMinutes: number;
}

export const DEFAULT_STUCK_LIMITS: StuckLimits = { startingMinutes: 10, workingMinutes: 60 };

/** Which tasks are stuck: the reasons by id (useStuck), or any set of ids. */
export interface StuckIds {
  has(id: string): boolean;
}

export interface Stuck {
  /** Why, in words: "No report for 75 min while working". */
  reason: string;
}

const MINUTE = 60_000;
/** A start may take this many times the template's usual (95th percentile) build time before it is stuck. */
const USUAL_START_FACTOR = 2;

/**
 * The one home of "stuck": an agent that failed or timed out on start; a task starting for longer than its
 * template's usual start allows (twice its 95th percentile build time, never under the floor); or an agent that
 * reports `working` with no new report for longer than the limit. `usualStartMs` is the template's
 * build_time_stats for starts, when known. Paused, finished and errored tasks are never stuck: nothing is
 * running, or they already need a person.
 */
export function stuckOf(task: Task, now: number, limits: StuckLimits, usualStartMs: number | null = null): Stuck | null {
  const phase = taskPhase(task);
  if (phase !== "starting" && phase !== "working" && phase !== "needs-person" && phase !== "done") return null;
  const lifecycle = task.workspace_agent_lifecycle;
  if (lifecycle === "start_error") return { reason: "Its startup script failed" };
  if (lifecycle === "start_timeout") return { reason: "Its agent took too long to start" };
  const since = Date.parse(task.current_state?.timestamp ?? task.updated_at);
  if (Number.isNaN(since)) return null;
  const elapsed = now - since;
  if (phase === "starting") {
    const allowed = Math.max(limits.startingMinutes * MINUTE, usualStartMs === null ? 0 : USUAL_START_FACTOR * usualStartMs);
    if (elapsed < allowed) return null;
    const usual = usualStartMs === null ? "" : ` (this template usually starts in ${durationWords(usualStartMs)})`;
    return { reason: `Starting for ${durationWords(elapsed)}${usual}` };
  }
  if (phase === "working" && task.current_state?.state === "working" && elapsed >= limits.workingMinutes * MINUTE) {
    return { reason: `No report for ${durationWords(elapsed)} while working` };
  }
  return null;
}

export const MAX_STUCK_MINUTES = 7 * 24 * 60;

/** A limit as a URL or a form gives it: whole minutes from 1 to a week; null for anything else. */
export function stuckMinutes(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 && n <= MAX_STUCK_MINUTES ? n : null;
}

/** Limits from a URL; what is not a limit falls back to the default. */
export function stuckLimitsFrom(params: URLSearchParams, fallback: StuckLimits = DEFAULT_STUCK_LIMITS): StuckLimits {
  return {
    startingMinutes: stuckMinutes(params.get("stuck-initializing")) ?? fallback.startingMinutes,
    workingMinutes: stuckMinutes(params.get("stuck-working")) ?? fallback.workingMinutes,
  };
}
