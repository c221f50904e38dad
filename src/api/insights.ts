import type { Insights } from "../lib/insights.ts";
import { readInsights, type Coverage, type InsightsReply, type InsightsRequest } from "./insights-reader.ts";
import { sessionToken } from "./session.ts";
import { refused, workerCaller } from "./worker-rpc.ts";

export type { Coverage };

const ask = workerCaller<InsightsRequest, InsightsReply>(
  () => new Worker(new URL("./insights.worker.ts", import.meta.url), { type: "module" }),
  readInsights,
);
let nextRequest = 0;

/** The insights over the last `days` days for the tasks that `terms` select, and what they rest on. */
export async function getInsights(
  terms: string,
  days: number,
  now: number,
  signal?: AbortSignal,
): Promise<{ insights: Insights; coverage: Coverage }> {
  const reply = await ask({ id: ++nextRequest, token: sessionToken(), terms, days, now }, signal);
  if (!reply.ok) throw refused(reply);
  return { insights: reply.insights, coverage: reply.coverage };
}
