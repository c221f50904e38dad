import type { Insights } from "../lib/insights.ts";
import { ApiError } from "./client.ts";
import { readInsights, type Coverage, type InsightsReply, type InsightsRequest } from "./insights-reader.ts";
import { sessionToken } from "./session.ts";

export type { Coverage };

const waiting = new Map<number, (reply: InsightsReply) => void>();
let worker: Worker | null | undefined;
let nextRequest = 0;

/** Where there is no worker (tests in jsdom), the insights are read on this thread. */
function insightsWorker(): Worker | null {
  if (worker === undefined) {
    worker = typeof Worker === "undefined" ? null : new Worker(new URL("./insights.worker.ts", import.meta.url), { type: "module" });
    worker?.addEventListener("message", (event: MessageEvent<InsightsReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
  }
  return worker;
}

function ask(request: InsightsRequest, signal?: AbortSignal): Promise<InsightsReply> {
  const reader = insightsWorker();
  if (!reader) return readInsights(request, signal);
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
}

/** The insights over the last `days` days for the tasks that `terms` select, and what they rest on. */
export async function getInsights(
  terms: string,
  days: number,
  now: number,
  signal?: AbortSignal,
): Promise<{ insights: Insights; coverage: Coverage }> {
  const reply = await ask({ id: ++nextRequest, token: sessionToken(), terms, days, now }, signal);
  if (!reply.ok) throw new ApiError(reply.status, reply, reply.retryAfterMs);
  return { insights: reply.insights, coverage: reply.coverage };
}
