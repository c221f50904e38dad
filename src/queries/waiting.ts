import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { listWorkspacesById } from "../api/workspaces.ts";
import { delay } from "../lib/concurrency.ts";
import { isWaitingForInput } from "../lib/task-phase.ts";
import { appStatuses, idleSince, waitingSince } from "../lib/waiting.ts";
import type { Task } from "../wire/types.ts";
import { useSessionToken } from "./session.ts";

/** At most this many waiting tasks have their history read (40 a request); the rest use their latest report. */
const MAX_HISTORIES = 200;

/**
 * Histories are read this long after they are wanted: they refine what the latest reports already say (an
 * agent that reported "idle" twice waits since the first), need not hold up a first load, and a list that
 * changes meanwhile asks once for where it settled.
 */
const SETTLE_MS = 1_500;

/** A task's wait starts anew only when it reports again, so its history is read once per report. */
const sinceKey = (t: Task) => ["workspaces", "idle-since", `${t.workspace_id}@${t.current_state?.timestamp ?? ""}`] as const;

/**
 * Since when each task waiting for input among `tasks` has waited (ms), by task id: from its app's report
 * history (the same records the task page's timeline tells), read from the workspace list in as few requests
 * as Coder allows, each task once per report. Until that answers, and on a wall running on the wall token
 * (which may read nothing but the task list), the latest report's time stands in.
 */
export function useWaitingSince(tasks: readonly Task[]): ReadonlyMap<string, number> {
  const client = useQueryClient();
  const hasSession = useSessionToken() !== null;
  const waiting = useMemo(() => tasks.filter((t) => isWaitingForInput(t) && t.workspace_id !== null), [tasks]);
  const wanted = useMemo(
    () =>
      waiting
        .slice(0, MAX_HISTORIES)
        .map((t) => sinceKey(t)[2])
        .sort(),
    [waiting],
  );
  const histories = useQuery({
    queryKey: ["workspaces", "idle-since", wanted],
    enabled: hasSession && wanted.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const unread = () => waiting.slice(0, MAX_HISTORIES).filter((t) => client.getQueryData(sinceKey(t)) === undefined);
      if (unread().length > 0) await delay(SETTLE_MS, signal);
      const missing = unread();
      const workspaces = await listWorkspacesById([...new Set(missing.map((t) => t.workspace_id ?? ""))], signal);
      const byId = new Map(workspaces.map((ws) => [ws.id, ws]));
      for (const task of missing) {
        const ws = byId.get(task.workspace_id ?? "");
        const since = ws ? idleSince(ws, appStatuses(task, ws, [])) : null;
        client.setQueryData(sinceKey(task), since ?? Date.parse(task.current_state?.timestamp ?? ""));
      }
      return new Map(waiting.map((t) => [t.id, client.getQueryData<number>(sinceKey(t))] as const));
    },
  });
  return useMemo(() => {
    const out = new Map<string, number>();
    for (const task of waiting) {
      const since = waitingSince(task, histories.data?.get(task.id));
      if (since !== null) out.set(task.id, since);
    }
    return out;
  }, [waiting, histories.data]);
}
