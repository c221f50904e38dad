import type { Task } from "../wire/types.ts";
import { taskPhase } from "./task-phase.ts";

export type NotifyEvent = "waiting" | "complete" | "failed";

export interface NotificationPrefs {
  waiting: boolean;
  complete: boolean;
  failed: boolean;
}

export const NO_NOTIFICATIONS: NotificationPrefs = { waiting: false, complete: false, failed: false };

export const EVENT_TITLE: Record<NotifyEvent, string> = {
  waiting: "A task is waiting for your input",
  complete: "A task is complete",
  failed: "A task failed",
};

/** What a task's state means to its owner, if it is something worth a notification. */
export function notifyEventOf(task: Task): NotifyEvent | null {
  const phase = taskPhase(task);
  return phase === "needs-person" ? "waiting" : phase === "done" ? "complete" : phase === "error" ? "failed" : null;
}

/** The events to announce: tasks whose event is new since the previous look (none on the first look). */
export function newEvents(
  before: ReadonlyMap<string, NotifyEvent | null> | null,
  tasks: readonly Task[],
): { task: Task; event: NotifyEvent }[] {
  if (before === null) return [];
  const out: { task: Task; event: NotifyEvent }[] = [];
  for (const task of tasks) {
    const event = notifyEventOf(task);
    if (event !== null && before.get(task.id) !== event) out.push({ task, event });
  }
  return out;
}
