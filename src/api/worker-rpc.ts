import { ApiError } from "./client.ts";

/**
 * Work done in a worker (reading a conversation, computing insights): the page sends a request with an id,
 * the worker answers with the same id. Coder's refusals cross as plain data and become ApiError again.
 */
export interface Refusal {
  id: number;
  ok: false;
  status: number;
  message: string;
  detail: string;
  validations: ApiError["validations"];
  retryAfterMs: number | null;
}

/** An ApiError as a reply; anything else is not Coder's answer and is thrown on. */
export function refusal(id: number, error: unknown): Refusal {
  if (!(error instanceof ApiError)) throw error;
  const { status, message, detail, validations, retryAfterMs } = error;
  return { id, ok: false, status, message, detail, validations, retryAfterMs };
}

export const refused = (reply: Refusal) => new ApiError(reply.status, reply, reply.retryAfterMs);

/**
 * The page's side: each request goes to the worker that `create` starts (once), or, where there are no
 * workers (tests in jsdom), runs on this thread. Aborting stops waiting and tells the worker.
 */
export function workerCaller<Q extends { id: number }, R extends { id: number }>(
  create: () => Worker,
  run: (request: Q, signal?: AbortSignal) => Promise<R>,
): (request: Q, signal?: AbortSignal) => Promise<R> {
  const waiting = new Map<number, (reply: R) => void>();
  let worker: Worker | null | undefined;
  const current = () => {
    if (worker === undefined) {
      worker = typeof Worker === "undefined" ? null : create();
      worker?.addEventListener("message", (event: MessageEvent<R>) => {
        waiting.get(event.data.id)?.(event.data);
        waiting.delete(event.data.id);
      });
    }
    return worker;
  };
  return (request, signal) => {
    const reader = current();
    if (!reader) return run(request, signal);
    return new Promise((resolve, reject) => {
      waiting.set(request.id, resolve);
      signal?.addEventListener(
        "abort",
        () => {
          waiting.delete(request.id);
          reader.postMessage({ abort: request.id });
          reject(new DOMException("The request was aborted.", "AbortError"));
        },
        { once: true },
      );
      reader.postMessage(request);
    });
  };
}

/** The worker's side: runs each request and posts its reply; a request the page stopped waiting for is aborted. */
export function serveRequests<Q extends { id: number }>(run: (request: Q, signal: AbortSignal) => Promise<unknown>): void {
  const scope = self as unknown as {
    postMessage(message: unknown): void;
    addEventListener(type: "message", listener: (event: MessageEvent<Q | { abort: number }>) => void): void;
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
    run(message, controller.signal)
      .then((reply) => scope.postMessage(reply))
      // An aborted request: the page no longer waits for it.
      .catch(() => undefined)
      .finally(() => inFlight.delete(message.id));
  });
}
