import type { ProvisionerJobLog, Workspace, WorkspaceAgentLog, WorkspaceBuild, WorkspacesResponse } from "../wire/types.ts";
import { request } from "./client.ts";
import { openApiSocket } from "./sockets.ts";

/** Ids per request: a list by id is one round trip, and 40 UUIDs keep the URL short. */
const IDS_PER_REQUEST = 40;

/**
 * The workspaces with these ids, in as few requests as the URL allows. Coder's list carries every app report
 * of every workspace, so callers ask only for the few they show (deployment reference §2.4).
 */
export async function listWorkspacesById(ids: readonly string[], signal?: AbortSignal): Promise<Workspace[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) chunks.push(ids.slice(i, i + IDS_PER_REQUEST));
  const replies = await Promise.all(
    chunks.map((chunk) => request<WorkspacesResponse>("/api/v2/workspaces", { query: { q: `id:${chunk.join(",")}` }, signal })),
  );
  return replies.flatMap((reply) => reply.workspaces);
}

export function getWorkspace(id: string, signal?: AbortSignal): Promise<Workspace> {
  return request(`/api/v2/workspaces/${encodeURIComponent(id)}`, { signal });
}

/** The workspace's builds, newest first (one page is plenty for a task's story). */
export function listWorkspaceBuilds(id: string, signal?: AbortSignal): Promise<WorkspaceBuild[]> {
  return request(`/api/v2/workspaces/${encodeURIComponent(id)}/builds`, { query: { limit: "100" }, signal });
}

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
