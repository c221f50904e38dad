import type { TaskLogEntry, TaskLogsResponse } from "../wire/types.ts";

const same = (a: TaskLogEntry, b: TaskLogEntry) => a.id === b.id && a.content === b.content && a.type === b.type && a.time === b.time;

/**
 * Coder returns the whole conversation on every poll. This keeps every entry that did not change as the
 * same object, so rows memoized on their entry do not re-render: only new entries (and an agent message that
 * grew in place, as AgentAPI's last message does while the agent types) are new objects.
 */
export function mergeLogs(previous: TaskLogsResponse | undefined, next: TaskLogsResponse): TaskLogsResponse {
  if (!previous || previous.snapshot !== next.snapshot || previous.snapshot_at !== next.snapshot_at) return next;
  const old = previous.logs;
  const fresh = next.logs;
  const lastOld = old.length - 1;
  // The usual case: the old entries are a prefix of the new ones, with at most the last one changed.
  const isAppend =
    fresh.length >= old.length && (old.length === 0 || (fresh[0]?.id === old[0]?.id && fresh[lastOld]?.id === old[lastOld]?.id));
  let logs: TaskLogEntry[];
  if (isAppend) {
    const last = old[lastOld];
    const lastFresh = fresh[lastOld];
    const keep = last && lastFresh && !same(last, lastFresh) ? lastOld : old.length;
    if (keep === old.length && fresh.length === old.length) return previous;
    logs = old.slice(0, keep).concat(fresh.slice(keep));
  } else {
    const byId = new Map(old.map((entry) => [entry.id, entry]));
    logs = fresh.map((entry) => {
      const before = byId.get(entry.id);
      return before && same(before, entry) ? before : entry;
    });
  }
  return { ...next, logs };
}
