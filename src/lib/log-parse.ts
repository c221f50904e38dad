import type { TaskLogEntry, TaskLogsResponse } from "../wire/types.ts";

/**
 * What a poll of a live conversation changed, against the previous answer: nothing, the tail (entries added,
 * or the last one grown as an agent typing grows it), or everything. Coder sends the whole conversation on
 * every poll; sending on only the change keeps a 50,000-entry conversation cheap to follow.
 */
export type LogsChange = { kind: "same" } | { kind: "tail"; keep: number; tail: TaskLogEntry[] } | { kind: "all"; value: TaskLogsResponse };

/** What the parser remembers of the previous answer. */
export interface LastAnswer {
  text: string;
  count: number;
  isSnapshot: boolean;
}

/** Where an entry starts in Coder's encoding: Go writes `{"id":` with no space, and never inside a string. */
const ENTRY = '{"id":';

/** Parses only what changed since `previous`; anything that is not an append is parsed in full. */
export function parseLogsChange(text: string, previous: LastAnswer | undefined): LogsChange {
  if (previous?.text === text) return { kind: "same" };
  if (previous && !previous.isSnapshot && previous.count > 0 && text.endsWith("]}")) {
    const cut = previous.text.lastIndexOf(ENTRY);
    if (cut > 0 && text.length > cut && text.startsWith(previous.text.slice(0, cut))) {
      return { kind: "tail", keep: previous.count - 1, tail: JSON.parse(`[${text.slice(cut, -2)}]`) as TaskLogEntry[] };
    }
  }
  const parsed = JSON.parse(text) as TaskLogsResponse;
  return { kind: "all", value: { ...parsed, logs: parsed.logs ?? [] } };
}

/** The new answer from the previous one and the change; unchanged entries stay the same objects. */
export function applyLogsChange(previous: TaskLogsResponse | undefined, change: LogsChange): TaskLogsResponse | null {
  if (change.kind === "all") return change.value;
  if (!previous) return null;
  if (change.kind === "same") return previous;
  return { logs: previous.logs.slice(0, change.keep).concat(change.tail) };
}
