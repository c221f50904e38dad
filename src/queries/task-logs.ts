import { queryOptions } from "@tanstack/react-query";
import { getTaskLogs } from "../api/task-logs.ts";
import { mergeLogs } from "../lib/log-merge.ts";
import type { TaskLogsResponse } from "../wire/types.ts";
import { taskKeys, type LogKind } from "./tasks.ts";

export const taskLogsQuery = (owner: string, id: string, kind: LogKind) =>
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- as for taskQuery: the id is the identity
  queryOptions({
    queryKey: taskKeys.logs(id, kind),
    queryFn: ({ signal }) => getTaskLogs(owner, id, signal),
    // Each poll returns the whole conversation; keep unchanged entries as the same objects.
    structuralSharing: (previous, next) => mergeLogs(previous as TaskLogsResponse | undefined, next as TaskLogsResponse),
  });
