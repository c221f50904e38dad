/** The dashboard's URL for a task: owner name and task id, like the API's /tasks/{user}/{task}. */
export function taskPath(task: { owner_name: string; id: string }): string {
  return `/tasks/${encodeURIComponent(task.owner_name)}/${encodeURIComponent(task.id)}`;
}
