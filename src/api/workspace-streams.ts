import type { ProvisionerJobLog, WorkspaceAgentLog } from "../wire/types.ts";
import { request } from "./client.ts";
import { openApiSocket } from "./sockets.ts";

/* What an open task page follows: build and agent logs and the workspace's events (the task page's chunk only). */
/** The build's log after line id `after` (Coder's UI asks -1 for "all"). */
export function getBuildLogs(buildId: string, after: number, signal?: AbortSignal): Promise<ProvisionerJobLog[]> {
  return request(`/api/v2/workspacebuilds/${encodeURIComponent(buildId)}/logs`, { query: { after: String(after) }, signal });
}

export function getAgentLogs(agentId: string, after: number, signal?: AbortSignal): Promise<WorkspaceAgentLog[]> {
  return request(`/api/v2/workspaceagents/${encodeURIComponent(agentId)}/logs`, { query: { after: String(Math.max(0, after)) }, signal });
}

/** Follows a build's log: one line a message, closed by Coder once the job has ended. */
export function followBuildLogs(buildId: string, after: number): WebSocket | null {
  return openApiSocket(`/api/v2/workspacebuilds/${encodeURIComponent(buildId)}/logs`, { follow: "true", after: String(after) });
}

/** Follows an agent's startup log: batches of lines, closed by Coder once a newer build replaces the agent. */
export function followAgentLogs(agentId: string, after: number): WebSocket | null {
  return openApiSocket(`/api/v2/workspaceagents/${encodeURIComponent(agentId)}/logs`, {
    follow: "true",
    after: String(Math.max(0, after)),
  });
}

/** Every event on a workspace: a ping, the workspace at once, then the workspace after each change. */
export function watchWorkspace(id: string): WebSocket | null {
  return openApiSocket(`/api/v2/workspaces/${encodeURIComponent(id)}/watch-ws`);
}
