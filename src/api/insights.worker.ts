import { readInsights, type InsightsRequest } from "./insights-reader.ts";

/** Reads and computes the insights off the page's thread; see insights-reader.ts. */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent<InsightsRequest | { abort: number }>) => void): void;
};
const inFlight = new Map<number, AbortController>();

scope.addEventListener("message", (event) => {
  const message = event.data;
  if ("abort" in message) {
    inFlight.get(message.abort)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(message.id, controller);
  readInsights(message, controller.signal)
    .then((reply) => scope.postMessage(reply))
    // An aborted read: the page no longer waits for it.
    .catch(() => undefined)
    .finally(() => inFlight.delete(message.id));
});
