import type { Task, Workspace, WorkspaceAppStatus, WorkspaceBuild } from "../wire/types.ts";
import { isWaitingForInput } from "./task-phase.ts";

/**
 * When a task's agent went idle, from its app's report history (newest first): the oldest report of the newest
 * unbroken run of `idle` reports, none older than the current start build (an agent reports again after a
 * resume). An agent that says "idle" twice is still waiting since the first time, which the task's
 * current_state (the latest report only) cannot tell. Null when the newest report is not idle.
 */
export function idleSince(workspace: Workspace, statuses: readonly WorkspaceAppStatus[]): number | null {
  const build = workspace.latest_build;
  const notBefore = build.transition === "start" ? Date.parse(build.created_at) : -Infinity;
  let since: number | null = null;
  for (const status of statuses) {
    const at = Date.parse(status.created_at);
    if (status.state !== "idle" || at < notBefore) break;
    since = at;
  }
  return since;
}

/** Since when a task waiting for input has waited: the history's answer when known, else its latest report's time. */
export function waitingSince(task: Task, fromHistory: number | undefined): number | null {
  if (!isWaitingForInput(task)) return null;
  if (fromHistory !== undefined) return fromHistory;
  const at = Date.parse(task.current_state?.timestamp ?? "");
  return Number.isNaN(at) ? null : at;
}

/** The chat app's reports, newest first: from the workspace while it runs, else from the newest start build that had the app. */
export function appStatuses(
  task: Pick<Task, "workspace_app_id">,
  workspace: Workspace | undefined,
  builds: readonly WorkspaceBuild[],
): WorkspaceAppStatus[] {
  const candidates = [workspace?.latest_build, ...builds].filter((b): b is WorkspaceBuild => b !== undefined);
  for (const build of candidates) {
    const apps = build.resources.flatMap((r) => r.agents ?? []).flatMap((a) => a.apps);
    const app = apps.find((a) => a.id === task.workspace_app_id) ?? apps.find((a) => a.statuses.length > 0);
    if (app) return app.statuses;
  }
  return [];
}
