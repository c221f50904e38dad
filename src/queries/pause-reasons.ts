import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { listWorkspacesById } from "../api/workspaces.ts";
import { pauseReasonOf, pauseReasonWords, type PauseReason } from "../lib/pause-reason.ts";
import type { Task } from "../wire/types.ts";
import { meQuery } from "./auth.ts";
import { useSessionToken } from "./session.ts";
import { useSettled } from "./settled.ts";

/** What a page shows of why a task paused: the words, and since when. */
export interface PauseNoteText {
  words: string;
  at: string;
}

/** A stop build's reason never changes, so it is kept per workspace and build number ("<id>#<n>"). */
const reasonKey = (build: string) => ["workspaces", "pause-reason", build] as const;
const buildOf = (t: Task) => `${t.workspace_id}#${t.workspace_build_number}`;

/**
 * Why each paused task among `tasks` paused, by task id. The task JSON does not say; its workspace's stop
 * build does. Only the tasks a page shows are asked about, each build once, in one request per 40. A wall
 * running on the wall token has no session and may read nothing but the list, so it shows none.
 */
export function usePauseReasons(tasks: readonly Task[]): ReadonlyMap<string, PauseNoteText> {
  const client = useQueryClient();
  const hasSession = useSessionToken() !== null;
  const paused = useMemo(
    () => tasks.filter((t) => t.status === "paused" && t.workspace_id !== null && t.workspace_build_number !== undefined),
    [tasks],
  );
  const wanted = useSettled(
    useMemo(() => [...new Set(paused.map(buildOf))].sort(), [paused]),
    SETTLE_MS,
  );
  const enabled = hasSession && wanted.length > 0;
  const me = useQuery({ ...meQuery(), enabled });
  const reasons = useQuery({
    queryKey: ["workspaces", "pause-reasons", wanted],
    enabled,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const missing = wanted.filter((build) => client.getQueryData(reasonKey(build)) === undefined);
      const workspaces = await listWorkspacesById([...new Set(missing.map((build) => build.split("#")[0] ?? ""))], signal);
      for (const ws of workspaces) {
        const reason = pauseReasonOf(ws.latest_build);
        if (reason) client.setQueryData(reasonKey(`${ws.id}#${ws.latest_build.build_number}`), reason);
      }
      const found = new Map<string, PauseReason>();
      for (const build of wanted) {
        const reason = client.getQueryData<PauseReason>(reasonKey(build));
        if (reason) found.set(build, reason);
      }
      return found;
    },
  });
  return useMemo(() => {
    const notes = new Map<string, PauseNoteText>();
    for (const t of paused) {
      const reason = reasons.data?.get(buildOf(t));
      if (reason) notes.set(t.id, { words: pauseReasonWords(reason, me.data?.username), at: reason.at });
    }
    return notes;
  }, [paused, reasons.data, me.data?.username]);
}

/** Rows on screen are asked about once they stay put this long. */
const SETTLE_MS = 250;
