import { useEffect, useRef, useSyncExternalStore } from "react";
import { useNavigate } from "react-router";
import { faviconWithBadge } from "../lib/favicon.ts";
import { EVENT_TITLE, newEvents, NO_NOTIFICATIONS, notifyEventOf, type NotificationPrefs, type NotifyEvent } from "../lib/notify-events.ts";
import { taskPath } from "../lib/paths.ts";
import { isWaitingForInput } from "../lib/task-phase.ts";
import { readUserItem, writeUserItem } from "../lib/user-storage.ts";
import { useMyTasks } from "../queries/my-tasks.ts";

const NAME = "notifications";
const listeners = new Set<() => void>();
let cached: { raw: string | null; prefs: NotificationPrefs } = { raw: null, prefs: NO_NOTIFICATIONS };

/** Opt-in per event, kept for the user in this browser; everything is off until the user turns it on. */
function readPrefs(userId: string | undefined): NotificationPrefs {
  const raw = userId === undefined ? null : readUserItem(userId, NAME);
  if (raw !== cached.raw) {
    let prefs = NO_NOTIFICATIONS;
    try {
      const parsed = JSON.parse(raw ?? "null") as Partial<NotificationPrefs> | null;
      prefs = { waiting: parsed?.waiting === true, complete: parsed?.complete === true, failed: parsed?.failed === true };
    } catch {
      // An unreadable value means off.
    }
    cached = { raw, prefs };
  }
  return cached.prefs;
}

export function setNotificationPrefs(userId: string, prefs: NotificationPrefs): void {
  writeUserItem(userId, NAME, JSON.stringify(prefs));
  for (const listener of listeners) listener();
}

export function useNotificationPrefs(userId: string | undefined): NotificationPrefs {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => readPrefs(userId),
  );
}

/**
 * Watches the signed-in user's own tasks (useMyTasks): a desktop
 * notification when one starts waiting for input, completes or fails, if the user asked for that event; and
 * the number waiting for input on the favicon.
 */
export function useTaskNotifications(userId: string | undefined): void {
  const navigate = useNavigate();
  const prefs = useNotificationPrefs(userId);
  const mine = useMyTasks();
  const seen = useRef<Map<string, NotifyEvent | null> | null>(null);

  useEffect(() => {
    const tasks = mine.tasks;
    if (!tasks) return;
    const events = newEvents(seen.current, tasks);
    seen.current = new Map(tasks.map((t) => [t.id, notifyEventOf(t)]));
    if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
    for (const { task, event } of events) {
      if (!prefs[event]) continue;
      const notification = new Notification(EVENT_TITLE[event], { body: task.display_name || task.name, tag: `${task.id}:${event}` });
      notification.onclick = () => {
        window.focus();
        navigate(taskPath(task));
      };
    }
  }, [mine.tasks, prefs, navigate]);

  const waiting = mine.tasks?.filter(isWaitingForInput).length ?? 0;
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>("link[rel=icon]");
    if (!link) return;
    link.href = faviconWithBadge(waiting);
    return () => {
      link.href = faviconWithBadge(0);
    };
  }, [waiting]);
}
