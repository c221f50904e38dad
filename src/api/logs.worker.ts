import { readLogs, type LogsMemory, type LogsRequest } from "./logs-reader.ts";
import { serveRequests } from "./worker-rpc.ts";

/** Reads conversations off the page's thread; see logs-reader.ts. */
const memory: LogsMemory = new Map();
serveRequests<LogsRequest>((request, signal) => readLogs(request, memory, signal));
