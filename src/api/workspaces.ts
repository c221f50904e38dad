import type { Workspace, WorkspaceBuild, WorkspacesResponse } from "../wire/types.ts";
import { request } from "./client.ts";

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

/** One page of the workspace list for a search query (Coder's `count` is the total of matches). */
export function listWorkspacesPage(q: string, limit: number, offset: number, signal?: AbortSignal): Promise<WorkspacesResponse> {
  return request("/api/v2/workspaces", { query: { q, limit: String(limit), offset: String(offset) }, signal });
}

export function getWorkspace(id: string, signal?: AbortSignal): Promise<Workspace> {
  return request(`/api/v2/workspaces/${encodeURIComponent(id)}`, { signal });
}

/** The workspace's builds, newest first (one page is plenty for a task's story). */
export function listWorkspaceBuilds(id: string, signal?: AbortSignal): Promise<WorkspaceBuild[]> {
  return request(`/api/v2/workspaces/${encodeURIComponent(id)}/builds`, { query: { limit: "100" }, signal });
}
