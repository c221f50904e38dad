import { queryOptions } from "@tanstack/react-query";
import { listWorkspaceBuilds, listWorkspacesPage } from "../api/workspaces.ts";
import { mapWithConcurrency } from "../lib/concurrency.ts";
import type { Workspace, WorkspaceBuild } from "../wire/types.ts";

/** Workspaces a page, and pages at most: 1,000 workspaces, each with every report of its app. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** Workspaces that were stopped and started again have their builds read for their pauses, this many at most. */
const MAX_BUILD_READS = 100;
const DAY = 86_400_000;
/** Coder's records of the past change slowly: they are read again at most once a minute. */
export const INSIGHTS_REFRESH_MS = 60_000;

export interface InsightsRecords {
  workspaces: Workspace[];
  /** The builds of the workspaces whose builds were read, by workspace id. */
  builds: Map<string, WorkspaceBuild[]>;
  /** How many workspaces matched, and how many pauses' workspaces there were to read. */
  matched: number;
  buildsWanted: number;
}

/**
 * The task workspaces used in the last `days` days (with the same owner and organization terms as the task
 * list), a page of 100 at a time up to 1,000, in as few requests as Coder allows: the list carries every app
 * report. A stopped and restarted workspace's earlier pauses are only in its builds, read for at most 100.
 */
export const insightsRecordsQuery = (terms: string, days: number) =>
  queryOptions({
    queryKey: ["workspaces", "insights", terms, days],
    staleTime: INSIGHTS_REFRESH_MS,
    refetchInterval: INSIGHTS_REFRESH_MS,
    queryFn: async ({ signal }): Promise<InsightsRecords> => {
      const since = new Date(Date.now() - days * DAY).toISOString();
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
      const read = restarted.sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, MAX_BUILD_READS);
      const builds = new Map(await mapWithConcurrency(read, 4, async (ws) => [ws.id, await listWorkspaceBuilds(ws.id, signal)] as const));
      return { workspaces, builds, matched, buildsWanted: restarted.length };
    },
  });
