import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useNavigate } from "react-router";
import { faviconWithBadge } from "../lib/favicon.ts";
import { EVENT_TITLE, newEvents, NO_NOTIFICATIONS, notifyEventOf, type NotificationPrefs, type NotifyEvent } from "../lib/notify-events.ts";
import { taskPath } from "../lib/paths.ts";
import { isWaitingForInput } from "../lib/task-filters.ts";
import { taskListQuery } from "../queries/tasks.ts";

const KEY = "coder-tasks.notifications";
const listeners = new Set<() => void>();
let cached: { raw: string | null; prefs: NotificationPrefs } = { raw: null, prefs: NO_NOTIFICATIONS };

/** Opt-in per event, kept in localStorage; everything is off until the user turns it on. */
function readPrefs(): NotificationPrefs {
  const raw = window.localStorage.getItem(KEY);
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

export function setNotificationPrefs(prefs: NotificationPrefs): void {
  window.localStorage.setItem(KEY, JSON.stringify(prefs));
  for (const listener of listeners) listener();
}

export function useNotificationPrefs(): NotificationPrefs {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readPrefs);
}

/**
 * Watches the signed-in user's own tasks (one list request every 30 s, as Coder's navbar does): a desktop
 * notification when one starts waiting for input, completes or fails, if the user asked for that event; and
 * the number waiting for input on the favicon.
 */
export function useTaskNotifications(): void {
  const navigate = useNavigate();
  const prefs = useNotificationPrefs();
  const mine = useQuery({ ...taskListQuery("owner:me"), refetchInterval: 30_000 });
  const seen = useRef<Map<string, NotifyEvent | null> | null>(null);

  useEffect(() => {
    const tasks = mine.data?.tasks;
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
  }, [mine.data, prefs, navigate]);

  const waiting = mine.data?.tasks.filter(isWaitingForInput).length ?? 0;
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>("link[rel=icon]");
    if (!link) return;
    link.href = faviconWithBadge(waiting);
    return () => {
      link.href = "/favicon.svg";
    };
  }, [waiting]);
}
