import { TASK_STATES, type Task, type TaskState } from "../wire/types.ts";

/**
 * The one home of what a task's status and its agent's report mean: the list, the wall, the task page, the
 * composer and notifications all ask here. Values a newer Coder may add read as "unknown", never as an error.
 */
export type Phase = "needs-person" | "working" | "starting" | "paused" | "done" | "error" | "unknown";

type Reported = Pick<Task, "status" | "current_state">;

const isKnownState = (state: string): state is TaskState => (TASK_STATES as readonly string[]).includes(state);

/**
 * The agent's last report: a known state, "unknown" for one a newer Coder added, or null before any report.
 * An older Coder's "failure" is a failure.
 */
export function agentState(task: Pick<Task, "current_state">): TaskState | "unknown" | null {
  const state = task.current_state?.state;
  if (state === undefined) return null;
  if (state === "failure") return "failed";
  return isKnownState(state) ? state : "unknown";
}

export function taskPhase(task: Reported): Phase {
  switch (task.status) {
    case "pending":
    case "initializing":
      return "starting";
    case "paused":
      return "paused";
    case "error":
      return "error";
    case "active":
      switch (agentState(task)) {
        case "idle":
          return "needs-person";
        case "failed":
          return "error";
        case "complete":
          return "done";
        case "working":
        case null:
          return "working";
        default:
          return "unknown";
      }
    default:
      return "unknown";
  }
}

/** Idle means "waiting for input" only while the task is active: a paused task's last report is history. */
export const isWaitingForInput = (task: Reported) => taskPhase(task) === "needs-person";

/** Waiting for input, failed, or in error: the tasks a person has to look at. */
export function needsAttention(task: Reported): boolean {
  const phase = taskPhase(task);
  return phase === "needs-person" || phase === "error";
}

/** The agent takes a message unless it is working (a report that has not come yet counts as ready). */
export const isReadyForInput = (task: Reported) => task.status === "active" && agentState(task) !== "working";

/** A build that Coder is still running: pause, resume and delete are refused with 409 until it ends. */
const BUILD_IN_FLIGHT = new Set(["pending", "starting", "stopping", "deleting", "canceling"]);
export const isBuildInFlight = (task: Pick<Task, "workspace_status">) => BUILD_IN_FLIGHT.has(task.workspace_status ?? "");

export interface Action {
  offered: boolean;
  /** Why an offered action cannot be taken now; null when it can. */
  blockedBy: string | null;
}

export interface TaskActions {
  pause: Action;
  resume: Action;
  remove: Action;
  /** How a message reaches the agent: at once, once it is ready, after a resume, or not at all. */
  send: "now" | "when-ready" | "resume-first" | null;
  editPrompt: boolean;
  /** Which conversation Coder serves for the status: the live one, the snapshot saved at the last pause, or none. */
  logs: "live" | "snapshot" | null;
}

const BUILDING = "A workspace build is running; wait until it finishes.";
const RUNNING = "The workspace is already running.";
const action = (offered: boolean, blockedBy: string | null = null): Action => ({ offered, blockedBy: offered ? blockedBy : null });

/**
 * What Coder accepts for the task as it is now, so the page never sends a request that Coder would refuse.
 * Pause and resume are offered as Coder's own UI offers them, and only where the deployment has them.
 */
export function taskActions(
  task: Pick<Task, "status" | "current_state" | "workspace_status">,
  caps: { pauseResume: boolean },
): TaskActions {
  const building = isBuildInFlight(task) ? BUILDING : null;
  const isRunning = task.workspace_status === "running";
  const canResume = caps.pauseResume && (task.status === "paused" || task.status === "error" || task.status === "unknown");
  const resume = action(canResume, building ?? (isRunning ? RUNNING : null));
  const pause = action(caps.pauseResume && task.status !== "paused" && task.workspace_status !== "stopped", building);
  const isStarting = task.status === "pending" || task.status === "initializing";
  return {
    pause,
    resume,
    remove: action(true, building),
    send:
      task.status === "active"
        ? "now"
        : isStarting
          ? "when-ready"
          : task.status === "paused" && resume.blockedBy === null && canResume
            ? "resume-first"
            : null,
    editPrompt: task.status === "paused",
    logs: task.status === "active" ? "live" : task.status === "paused" || isStarting ? "snapshot" : null,
  };
}
