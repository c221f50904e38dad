import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createTask,
  deleteTask,
  getTask,
  getTaskLogs,
  listTasks,
  pauseTask,
  resumeTask,
  sendTaskInput,
  updateTaskInput,
} from "../api/tasks.ts";
import type { CreateTaskRequest, Task, TaskLogsResponse } from "../wire/types.ts";
import { mapWithConcurrency } from "../lib/concurrency.ts";
import { mergeLogs } from "../lib/log-merge.ts";

/** General to specific, so invalidating ["tasks"] refreshes every list and detail at once. */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (q: string) => [...taskKeys.lists(), q] as const,
  details: () => [...taskKeys.all, "detail"] as const,
  detail: (user: string, task: string) => [...taskKeys.details(), user, task] as const,
  /** Live logs (active tasks) and the stored snapshot (paused, pending, initializing) are different resources. */
  logs: (user: string, task: string, kind: LogKind) => [...taskKeys.detail(user, task), "logs", kind] as const,
};

export type LogKind = "live" | "snapshot";

export const taskListQuery = (q: string) => queryOptions({ queryKey: taskKeys.list(q), queryFn: ({ signal }) => listTasks(q, signal) });

export const taskQuery = (user: string, task: string) =>
  queryOptions({ queryKey: taskKeys.detail(user, task), queryFn: ({ signal }) => getTask(user, task, signal) });

export const taskLogsQuery = (user: string, task: string, kind: LogKind) =>
  queryOptions({
    queryKey: taskKeys.logs(user, task, kind),
    queryFn: ({ signal }) => getTaskLogs(user, task, signal),
    // Each poll returns the whole conversation; keep unchanged entries as the same objects.
    structuralSharing: (previous, next) => mergeLogs(previous as TaskLogsResponse | undefined, next as TaskLogsResponse),
  });

/** Identifies a task in mutation variables: the owner's name and the task's id. */
export interface TaskRef {
  owner: string;
  id: string;
}

export const taskRef = (task: Pick<Task, "owner_name" | "id">): TaskRef => ({ owner: task.owner_name, id: task.id });

/** Every task mutation stays pending until the lists and the task itself have been refetched. */
function useTaskMutation<V extends TaskRef, R>(run: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: (_data, _error, v) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: taskKeys.detail(v.owner, v.id) }),
      ]),
  });
}

export const usePauseTask = () => useTaskMutation((v: TaskRef) => pauseTask(v.owner, v.id));
export const useResumeTask = () => useTaskMutation((v: TaskRef) => resumeTask(v.owner, v.id));
export const useDeleteTask = () => useTaskMutation((v: TaskRef) => deleteTask(v.owner, v.id));
export const useSendTaskInput = () => useTaskMutation((v: TaskRef & { input: string }) => sendTaskInput(v.owner, v.id, v.input));
export const useUpdateTaskInput = () => useTaskMutation((v: TaskRef & { input: string }) => updateTaskInput(v.owner, v.id, v.input));

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { owner: string; request: CreateTaskRequest }) => createTask(v.owner, v.request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
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

/**
 * One action over many tasks, a few requests at a time so that "select all" cannot flood the server. Each
 * task's answer is kept, so the page can say which succeeded and why the others did not.
 */
export function useBulkTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, tasks }: { action: BulkAction; tasks: Task[] }): Promise<BulkOutcome[]> =>
      mapWithConcurrency(tasks, 4, async (task) => {
        try {
          await BULK_RUN[action](task.owner_name, task.id);
          return { task, error: null };
        } catch (error) {
          return { task, error };
        }
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
