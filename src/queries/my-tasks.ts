import { notifyManager, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { isRouteNotFound } from "../lib/errors.ts";
import type { Task, TasksListResponse } from "../wire/types.ts";
import { meQuery } from "./auth.ts";
import { taskKeys, taskListQuery } from "./tasks.ts";

/** The header watches the user's own tasks this often (as Coder's navbar does, a little faster). */
const OWN_POLL_MS = 30_000;

export interface MyTasks {
  tasks: Task[] | undefined;
  error: unknown;
}

/**
 * The signed-in user's own tasks, for what the header shows on every page (notifications, the favicon's
 * count, whether this Coder has Tasks at all). A page that polls the whole list the user can see (no owner
 * or organization filter) already holds every one of them, so they are read from that list and nothing more
 * is asked: one list request per poll. Elsewhere the header asks for `owner:me` itself. It decides once the
 * page around it has mounted, so a first visit to the list never asks twice.
 */
export function useMyTasks(): MyTasks {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMounted(true), 0);
    return () => clearTimeout(timer);
  }, []);
  // The page's whole list while a page polls it; read from the cache without observing it, so it is not kept alive.
  const pageList = useSyncExternalStore(
    // Cache events can come while another component renders; batched, they reach React afterwards.
    (listener) => cache.subscribe(notifyManager.batchCalls(listener)),
    () => {
      const query = cache.find<TasksListResponse>({ queryKey: taskKeys.list(""), exact: true });
      // A list that found no Tasks routes says so for good: the page that asked gives way to a notice.
      return query && (query.isActive() || isRouteNotFound(query.state.error)) ? query.state : null;
    },
  );
  const pageHasAll = pageList !== null;
  const own = useQuery({ ...taskListQuery("owner:me"), enabled: mounted && !pageHasAll, refetchInterval: OWN_POLL_MS });
  const me = useQuery({ ...meQuery(), enabled: pageHasAll });
  const myId = me.data?.id;
  const everyone = pageList?.data;
  const fromPage = useMemo(() => (myId !== undefined ? everyone?.tasks.filter((t) => t.owner_id === myId) : undefined), [myId, everyone]);
  return pageList !== null ? { tasks: fromPage, error: pageList.error } : { tasks: own.data?.tasks, error: own.error };
}
