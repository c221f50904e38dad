import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { followAgentLogs, followBuildLogs, getAgentLogs, getBuildLogs, watchWorkspace } from "../api/workspace-streams.ts";
import { getWorkspace, listWorkspaceBuilds } from "../api/workspaces.ts";
import { isAgentLogOpen, isBuildLogOpen } from "../lib/startup.ts";
import type { ProvisionerJobLog, ServerSentEvent, WorkspaceAgent, WorkspaceAgentLog, WorkspaceBuild } from "../wire/types.ts";
import { useLogStream, type LogStream } from "./log-stream.ts";
import { taskKeys } from "./tasks.ts";

export const workspaceKeys = {
  detail: (id: string) => ["workspaces", "detail", id] as const,
  builds: (id: string) => ["workspaces", "builds", id] as const,
};

export const workspaceQuery = (id: string) =>
  queryOptions({ queryKey: workspaceKeys.detail(id), queryFn: ({ signal }) => getWorkspace(id, signal) });

export const workspaceBuildsQuery = (id: string) =>
  queryOptions({ queryKey: workspaceKeys.builds(id), queryFn: ({ signal }) => listWorkspaceBuilds(id, signal) });

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

function isVisible(): boolean {
  return typeof document === "undefined" || document.visibilityState !== "hidden";
}

/**
 * Push for an open task page: watch-ws on the task's workspace while the tab is visible. Each event puts
 * the workspace it carries in the cache and refreshes the task (and with it the conversation), so a change
 * reaches the page as Coder publishes it. Returns whether the socket is healthy (open, and its first
 * workspace has arrived): while it is, the page does not poll. A dropped socket comes back after 1 s, 2 s,
 * 4 s… up to 30 s; a hidden tab closes it and a visible one opens it again.
 */
export function useWorkspaceWatch(workspaceId: string | null, taskId: string): boolean {
  const queryClient = useQueryClient();
  const [healthy, setHealthy] = useState(false);
  const lastBuild = useRef<string | null>(null);

  useEffect(() => {
    if (workspaceId === null) return;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let stopped = false;

    const onEvent = (event: ServerSentEvent) => {
      if (event.type !== "data") return;
      queryClient.setQueryData(workspaceKeys.detail(workspaceId), event.data);
      if (lastBuild.current !== event.data.latest_build.id) {
        lastBuild.current = event.data.latest_build.id;
        void queryClient.invalidateQueries({ queryKey: workspaceKeys.builds(workspaceId) });
      }
      void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
      delay = FIRST_RETRY_MS;
      setHealthy(true);
    };
    const connect = () => {
      clearTimeout(retry);
      if (stopped || socket !== null || !isVisible()) return;
      const opened = watchWorkspace(workspaceId);
      if (opened === null) return;
      socket = opened;
      opened.onmessage = (message) => {
        try {
          onEvent(JSON.parse(String(message.data)) as ServerSentEvent);
        } catch {
          // Not an event: ignored, as a newer Coder's additions would be.
        }
      };
      opened.onclose = () => {
        if (socket !== opened) return;
        socket = null;
        setHealthy(false);
        if (stopped || !isVisible()) return;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, LONGEST_RETRY_MS);
      };
    };
    const disconnect = () => {
      const open = socket;
      socket = null;
      setHealthy(false);
      open?.close();
    };
    const onVisibility = () => (isVisible() ? connect() : disconnect());
    connect();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      clearTimeout(retry);
      document.removeEventListener("visibilitychange", onVisibility);
      disconnect();
    };
  }, [workspaceId, taskId, queryClient]);

  return healthy;
}

/** A build's log, followed while its job runs (one line a socket message), read once when it has ended. */
export function useBuildLog(build: WorkspaceBuild): LogStream<ProvisionerJobLog> {
  const source = useMemo(
    () => ({
      follow: (after: number) => followBuildLogs(build.id, after),
      fetch: (after: number, signal: AbortSignal) => getBuildLogs(build.id, after, signal),
      decode: (data: unknown) => [data as ProvisionerJobLog],
    }),
    [build.id],
  );
  return useLogStream(`build:${build.id}`, source, !isBuildLogOpen(build));
}

/** An agent's startup log, followed while its scripts run (batches of lines), read once when they are done. */
export function useAgentLog(agent: WorkspaceAgent): LogStream<WorkspaceAgentLog> {
  const source = useMemo(
    () => ({
      follow: (after: number) => followAgentLogs(agent.id, after),
      fetch: (after: number, signal: AbortSignal) => getAgentLogs(agent.id, after, signal),
      decode: (data: unknown) => (Array.isArray(data) ? (data as WorkspaceAgentLog[]) : []),
    }),
    [agent.id],
  );
  return useLogStream(`agent:${agent.id}`, source, !isAgentLogOpen(agent));
}
