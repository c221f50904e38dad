/** The dashboard's URL for a task: owner name and task id, like the API's /tasks/{user}/{task}. */
export function taskPath(task: { owner_name: string; id: string }): string {
  return `/tasks/${encodeURIComponent(task.owner_name)}/${encodeURIComponent(task.id)}`;
}

/** Coder finds a task by its UUID whoever the owner in the path is; anything else is a name under the owner. */
export const isTaskId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A workspace's page in Coder's own UI, and one of its builds' (with its logs). */
export function coderWorkspaceUrl(coderUi: string, owner: string, workspace: string, buildNumber?: number): string {
  const base = `${coderUi}/@${encodeURIComponent(owner)}/${encodeURIComponent(workspace)}`;
  return buildNumber === undefined ? base : `${base}/builds/${buildNumber}`;
}
