import { computeInsights, historiesOf, type Insights } from "../lib/insights.ts";
import { mapWithConcurrency } from "../lib/concurrency.ts";
import type { Workspace } from "../wire/types.ts";
import { holdSession } from "./session.ts";
import { listTasks } from "./tasks.ts";
import { refusal, type Refusal } from "./worker-rpc.ts";
import { listWorkspaceBuilds, listWorkspacesPage } from "./workspaces.ts";

/**
 * Reading and computing the insights: the task list (10 MB for 10,000 tasks) and up to 1,000 workspaces with
 * every report of their apps. In the browser this runs in a worker (insights.worker.ts), so none of it holds
 * up the page, which gets the few numbers it draws.
 */
export interface InsightsRequest {
  id: number;
  token: string | null;
  /** The owner and organization terms, as the task list takes them. */
  terms: string;
  days: number;
  now: number;
}

/** How much of Coder's records the numbers rest on. */
export interface Coverage {
  /** Task workspaces used in the period, and how many of them were read. */
  matched: number;
  read: number;
  /** Workspaces stopped and started again (whose earlier pauses are in their builds), and how many were read. */
  restarted: number;
  buildsRead: number;
}

export type InsightsReply = { id: number; ok: true; insights: Insights; coverage: Coverage } | Refusal;

/** Workspaces a page, and pages at most: 1,000 workspaces. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** Builds are read for this many restarted workspaces at most, four at a time. */
const MAX_BUILD_READS = 100;
const DAY = 86_400_000;

/**
 * The task workspaces used in the period, a page at a time in as few requests as Coder allows (the list
 * carries every app report); then the builds of those that were stopped and started again, for their pauses.
 */
async function readRecords(terms: string, days: number, now: number, signal?: AbortSignal) {
  const since = new Date(now - days * DAY).toISOString();
  const q = ["has-ai-task:true", `last_used_after:"${since}"`, terms].filter(Boolean).join(" ");
  const workspaces: Workspace[] = [];
  let matched = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const reply = await listWorkspacesPage(q, PAGE_SIZE, page * PAGE_SIZE, signal);
    workspaces.push(...reply.workspaces);
    matched = reply.count;
    if ((page + 1) * PAGE_SIZE >= reply.count || reply.workspaces.length === 0) break;
  }
  const restarted = workspaces.filter((ws) => ws.latest_build.build_number > 1);
  const newest = [...restarted].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, MAX_BUILD_READS);
  const builds = new Map(await mapWithConcurrency(newest, 4, async (ws) => [ws.id, await listWorkspaceBuilds(ws.id, signal)] as const));
  return { workspaces, builds, coverage: { matched, read: workspaces.length, restarted: restarted.length, buildsRead: builds.size } };
}

export async function readInsights(request: InsightsRequest, signal?: AbortSignal): Promise<InsightsReply> {
  holdSession(request.token);
  try {
    const [list, records] = await Promise.all([
      listTasks(request.terms, signal),
      readRecords(request.terms, request.days, request.now, signal),
    ]);
    const histories = historiesOf(list.tasks, records.workspaces, records.builds);
    return {
      id: request.id,
      ok: true,
      insights: computeInsights(list.tasks, histories, request.now, request.days),
      coverage: records.coverage,
    };
  } catch (error) {
    return refusal(request.id, error);
  }
}
