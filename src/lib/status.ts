import type { Task, TaskState, TaskStatus } from "../wire/types.ts";
import { agentState } from "./task-phase.ts";

/** Words, an icon and a tone per status: status is never shown by color alone. */
export const STATUS_LOOK: Record<TaskStatus, { label: string; icon: string; tone: string }> = {
  active: { label: "Active", icon: "●", tone: "bg-green-100 text-green-800 ring-green-600/30" },
  error: { label: "Error", icon: "✕", tone: "bg-red-100 text-red-800 ring-red-600/30" },
  pending: { label: "Pending", icon: "◌", tone: "bg-blue-100 text-blue-800 ring-blue-600/30" },
  initializing: { label: "Initializing", icon: "◐", tone: "bg-blue-100 text-blue-800 ring-blue-600/30" },
  paused: { label: "Paused", icon: "❚❚", tone: "bg-slate-200 text-slate-700 ring-slate-500/30" },
  unknown: { label: "Unknown", icon: "?", tone: "bg-amber-100 text-amber-900 ring-amber-600/30" },
};

const STATE_WORD: Record<TaskState | "unknown", string> = {
  working: "Working",
  idle: "Idle",
  complete: "Complete",
  failed: "Failed",
  unknown: "Unknown state",
};

/** The look of a status; a status this dashboard does not know looks like "unknown". */
export const statusLook = (status: TaskStatus) => STATUS_LOOK[status] ?? STATUS_LOOK.unknown;

/**
 * The agent's state in words. Idle means "waiting for input" only while the task is active; a paused,
 * errored or unknown task keeps the agent's last report, which is shown as such.
 */
export function stateLabel(task: Pick<Task, "status" | "current_state">): string {
  const state = agentState(task);
  if (state === null) return "";
  const word = STATE_WORD[state];
  if (task.status === "paused" || task.status === "error" || task.status === "unknown") return `Last state: ${word}`;
  return task.status === "active" && state === "idle" ? "Waiting for input" : word;
}
