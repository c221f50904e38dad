import { queryOptions, useIsMutating, useMutation, useMutationState, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createTask, deleteTask, getTask, listTasks, pauseTask, resumeTask, sendTaskInput, updateTaskInput } from "../api/tasks.ts";
import { mapWithConcurrency } from "../lib/concurrency.ts";
import { rateLimitedUntil } from "../lib/errors.ts";
import type { CreateTaskRequest, Task, TasksListResponse } from "../wire/types.ts";

/**
 * General to specific, so invalidating ["tasks"] refreshes every list and detail at once. A task's detail is
 * keyed by its id alone, whatever its URL said (Coder finds a task by id whoever the owner in the path is),
 * so every mutation reaches what the page shows.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (q: string) => [...taskKeys.lists(), q] as const,
  details: () => [...taskKeys.all, "detail"] as const,
  detail: (id: string) => [...taskKeys.details(), id] as const,
  /** Live logs (active tasks) and the stored snapshot (paused, pending, initializing) are different resources. */
  logs: (id: string, kind: LogKind) => [...taskKeys.detail(id), "logs", kind] as const,
  /** A task named in a URL by its name, looked up once to find its id. */
  byName: (owner: string, name: string) => [...taskKeys.all, "by-name", owner, name] as const,
  /** Mutation keys, so a page can tell that an action on a task is in flight. */
  action: (action: "pause" | "resume" | "delete") => [...taskKeys.all, action] as const,
};

export type LogKind = "live" | "snapshot";

export const taskListQuery = (q: string) => queryOptions({ queryKey: taskKeys.list(q), queryFn: ({ signal }) => listTasks(q, signal) });

/** `owner` only builds the path: Coder looks a task up by its id alone, so the id is the whole identity. */
export const taskQuery = (owner: string, id: string) =>
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the owner does not change which task is read
  queryOptions({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => getTask(owner, id, signal) });

export const taskByNameQuery = (owner: string, name: string) =>
  queryOptions({ queryKey: taskKeys.byName(owner, name), queryFn: ({ signal }) => getTask(owner, name, signal), staleTime: 60_000 });

/** Identifies a task in mutation variables: the owner's name and the task's id. */
export interface TaskRef {
  owner: string;
  id: string;
}

export const taskRef = (task: Pick<Task, "owner_name" | "id">): TaskRef => ({ owner: task.owner_name, id: task.id });

const refresh = (queryClient: QueryClient, id: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: taskKeys.detail(id), exact: true }),
  ]);

/**
 * Drops a deleted task from every cached list and detail at once, so no page draws it again, then lets the
 * lists refresh. A list request already in flight could still carry the task, so it is cancelled first.
 */
async function forgetTasks(queryClient: QueryClient, ids: ReadonlySet<string>): Promise<void> {
  if (ids.size === 0) return;
  await queryClient.cancelQueries({ queryKey: taskKeys.lists() });
  for (const id of ids) {
    await queryClient.cancelQueries({ queryKey: taskKeys.detail(id) });
    queryClient.removeQueries({ queryKey: taskKeys.detail(id) });
  }
  queryClient.removeQueries({
    queryKey: [...taskKeys.all, "by-name"],
    predicate: (q) => ids.has((q.state.data as Task | undefined)?.id ?? ""),
  });
  queryClient.setQueriesData<TasksListResponse>({ queryKey: taskKeys.lists() }, (old) => {
    if (!old) return old;
    const tasks = old.tasks.filter((t) => !ids.has(t.id));
    return tasks.length === old.tasks.length ? old : { tasks, count: Math.max(0, old.count - (old.tasks.length - tasks.length)) };
  });
  void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
}

/** Pause, resume, send and prompt edits stay pending until the lists and the task have been refetched. */
function useTaskMutation<V extends TaskRef, R>(
  run: (v: V) => Promise<R>,
  options: { mutationKey?: readonly unknown[]; onMutate?: (v: V) => Promise<void>; conversation?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: options.mutationKey,
    mutationFn: run,
    onMutate: options.onMutate,
    onSettled: (_data, _error, v) => {
      // Not waited for: reading the conversation of an agent out of reach takes Coder 30 s.
      if (options.conversation) void queryClient.invalidateQueries({ queryKey: taskKeys.logs(v.id, "live") });
      return refresh(queryClient, v.id);
    },
  });
}

/** Pausing stops the live conversation's polling first: Coder refuses live logs once the stop build starts. */
export function usePauseTask() {
  const queryClient = useQueryClient();
  return useTaskMutation((v: TaskRef) => pauseTask(v.owner, v.id), {
    mutationKey: taskKeys.action("pause"),
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.logs(v.id, "live") });
      // The snapshot of an earlier pause is about to be replaced.
      queryClient.removeQueries({ queryKey: taskKeys.logs(v.id, "snapshot") });
    },
  });
}

const isOf = (id: string) => (m: { state: { variables: unknown } }) => (m.state.variables as TaskRef | undefined)?.id === id;

/** Whether a pause of this task is on its way: meanwhile the page asks for no live conversation, which Coder refuses once the task stops. */
export const useIsPausing = (id: string) => useIsMutating({ mutationKey: taskKeys.action("pause"), predicate: isOf(id) }) > 0;

/** Whether this task is being deleted, or has been: the page then asks for nothing of it, which would be a 404. */
export const useIsGone = (id: string) =>
  useMutationState({ filters: { mutationKey: taskKeys.action("delete"), predicate: isOf(id) }, select: (m) => m.state.status }).some(
    (status) => status === "pending" || status === "success",
  );

export const useResumeTask = () => useTaskMutation((v: TaskRef) => resumeTask(v.owner, v.id), { mutationKey: taskKeys.action("resume") });
// A message changes the conversation, and a refused one may say why it could not (an agent out of reach).
export const useSendTaskInput = () =>
  useTaskMutation((v: TaskRef & { input: string }) => sendTaskInput(v.owner, v.id, v.input), { conversation: true });
export const useUpdateTaskInput = () => useTaskMutation((v: TaskRef & { input: string }) => updateTaskInput(v.owner, v.id, v.input));

/** Delete: the task leaves every cache as soon as Coder accepts, so the caller can navigate at once. */
export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.action("delete"),
    // Nothing of the task's is asked for while it goes: a read landing after the delete would be a 404.
    onMutate: (v) => queryClient.cancelQueries({ queryKey: taskKeys.detail(v.id) }),
    mutationFn: (v: TaskRef) => deleteTask(v.owner, v.id),
    onSuccess: (_data, v) => forgetTasks(queryClient, new Set([v.id])),
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { owner: string; request: CreateTaskRequest }) => createTask(v.owner, v.request),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(task.id), task);
      return queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

export type BulkAction = "pause" | "resume" | "delete";

export interface BulkOutcome {
  task: Task;
  /** The request's error, or null when the server accepted it. */
  error: unknown;
}

const BULK_RUN: Record<BulkAction, (user: string, task: string) => Promise<unknown>> = {
  pause: pauseTask,
  resume: resumeTask,
  delete: deleteTask,
};

/** A request Coder refused for its rate limit is asked again once the limit lets up, up to three times in all. */
async function patiently<R>(run: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const until = rateLimitedUntil(error);
      if (until === null || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    }
  }
}

/**
 * One action over many tasks, a few requests at a time so that "select all" cannot flood the server, and
 * slowing down rather than failing when Coder's rate limit says so. Each task's answer is kept, so the page
 * can say which succeeded and why the others did not.
 */
export function useBulkTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, tasks }: { action: BulkAction; tasks: Task[] }): Promise<BulkOutcome[]> =>
      mapWithConcurrency(tasks, 4, async (task) => {
        try {
          await patiently(() => BULK_RUN[action](task.owner_name, task.id));
          return { task, error: null };
        } catch (error) {
          return { task, error };
        }
      }),
    onSuccess: (outcomes, { action }) =>
      action === "delete" ? forgetTasks(queryClient, new Set(outcomes.filter((o) => o.error === null).map((o) => o.task.id))) : undefined,
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
