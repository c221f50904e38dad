import { parseLogsChange, type LastAnswer, type LogsChange } from "../lib/log-parse.ts";
import { AGENT_TIMEOUT_MS, ApiError, requestText } from "./client.ts";
import { refusal, type Refusal } from "./worker-rpc.ts";

/**
 * Reading a conversation: Coder answers with the whole conversation every time, 5 MB for 50,000 entries.
 * In the browser this runs in a worker (logs.worker.ts), so receiving and parsing that never holds up the
 * page: the page gets only what changed since the answer it holds, named by `base`.
 */
export interface LogsRequest {
  id: number;
  url: string;
  token: string | null;
  /** Whose conversation: the task id. */
  key: string;
  /** The version of the answer the page holds, or null. */
  base: number | null;
}

export type LogsReply = { id: number; ok: true; version: number; change: LogsChange } | Refusal;

/** The last answer read for each conversation, on whichever thread reads them. */
export type LogsMemory = Map<string, LastAnswer & { version: number }>;

let versions = 0;

export async function readLogs(request: LogsRequest, memory: LogsMemory, signal?: AbortSignal): Promise<LogsReply> {
  try {
    const { status, text } = await requestText(request.url, { token: request.token ?? undefined, signal, timeoutMs: AGENT_TIMEOUT_MS });
    const known = memory.get(request.key);
    const previous = known && known.version === request.base ? known : undefined;
    let change: LogsChange;
    try {
      change = parseLogsChange(text, previous);
    } catch {
      throw new ApiError(status, { message: "The server sent a response that is not JSON.", detail: text.slice(0, 500) });
    }
    const version = change.kind === "same" && previous ? previous.version : ++versions;
    const count =
      change.kind === "all" ? change.value.logs.length : change.kind === "tail" ? change.keep + change.tail.length : (previous?.count ?? 0);
    const isSnapshot = change.kind === "all" ? change.value.snapshot !== undefined : (previous?.isSnapshot ?? false);
    memory.delete(request.key);
    if (memory.size >= 4) memory.delete(memory.keys().next().value ?? "");
    memory.set(request.key, { text, count, isSnapshot, version });
    return { id: request.id, ok: true, version, change };
  } catch (error) {
    return refusal(request.id, error);
  }
}
