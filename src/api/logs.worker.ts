import { readLogs, type LogsMemory, type LogsRequest } from "./logs-reader.ts";

/** Reads conversations off the page's thread; see logs-reader.ts. */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent<LogsRequest | { abort: number }>) => void): void;
};
const memory: LogsMemory = new Map();
const inFlight = new Map<number, AbortController>();

scope.addEventListener("message", (event) => {
  const message = event.data;
  if ("abort" in message) {
    inFlight.get(message.abort)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(message.id, controller);
  readLogs(message, memory, controller.signal)
    .then((reply) => scope.postMessage(reply))
    // An aborted read: the page no longer waits for it.
    .catch(() => undefined)
    .finally(() => inFlight.delete(message.id));
});
