import { applyLogsChange } from "../lib/log-parse.ts";
import type { TaskLogsResponse } from "../wire/types.ts";
import { readLogs, type LogsMemory, type LogsReply, type LogsRequest } from "./logs-reader.ts";
import { sessionToken } from "./session.ts";
import { onTasksRoute, taskPath } from "./tasks.ts";
import { refused, workerCaller } from "./worker-rpc.ts";

// Only the task page reads conversations, so this lives apart from the task routes every page loads.

/** The answer the page holds for each conversation being polled, by the reader's version of it. */
const held = new Map<string, { version: number; value: TaskLogsResponse }>();
/** Where there is no worker (tests in jsdom), conversations are read on this thread, with this memory. */
const memoryHere: LogsMemory = new Map();
const askForLogs = workerCaller<LogsRequest, LogsReply>(
  () => new Worker(new URL("./logs.worker.ts", import.meta.url), { type: "module" }),
  (request, signal) => readLogs(request, memoryHere, signal),
);
let nextRequest = 0;

/** A conversation, live or the snapshot; each poll brings only what changed into the page (logs-reader.ts). */
export function getTaskLogs(user: string, task: string, signal?: AbortSignal): Promise<TaskLogsResponse> {
  return onTasksRoute(`${taskPath(user, task)}/logs`, async (path) => {
    const holding = held.get(task);
    const url = new URL(path, globalThis.location?.href ?? "http://localhost/").href;
    const reply = await askForLogs({ id: ++nextRequest, url, token: sessionToken(), key: task, base: holding?.version ?? null }, signal);
    if (!reply.ok) throw refused(reply);
    const value = applyLogsChange(holding?.value, reply.change);
    held.delete(task);
    if (value === null) return getTaskLogs(user, task, signal);
    if (held.size >= 4) held.delete(held.keys().next().value ?? "");
    held.set(task, { version: reply.version, value });
    return value;
  });
}
