import { isRouteNotFound } from "../lib/errors.ts";
import { AGENT_TIMEOUT_MS, request, type RequestOptions } from "./client.ts";
import {
  TASK_STATUSES,
  type CreateTaskRequest,
  type Task,
  type TaskStateEntry,
  type TasksListResponse,
  type WorkspaceBuildResponse,
} from "../wire/types.ts";

const STABLE = "/api/v2/tasks";
const EXPERIMENTAL = "/api/experimental/tasks";

/** Coder before v2.29 has tasks only under /api/experimental; learned from the first "Route not found.". */
let tasksBase = STABLE;

export function resetTasksApiGeneration(): void {
  tasksBase = STABLE;
}

/** Which task routes this deployment has answered on: "stable" (/api/v2) or "experimental" (before v2.29). */
export function tasksApi(): "stable" | "experimental" {
  return tasksBase === STABLE ? "stable" : "experimental";
}

/** A request under whichever tasks route this deployment has, learning it from the first "Route not found.". */
export async function onTasksRoute<R>(path: string, send: (fullPath: string) => Promise<R>): Promise<R> {
  const base = tasksBase;
  try {
    return await send(base + path);
  } catch (error) {
    // A missing route ran nothing on the server, so asking the older route instead sends nothing twice.
    if (base === STABLE && isRouteNotFound(error)) {
      tasksBase = EXPERIMENTAL;
      return send(EXPERIMENTAL + path);
    }
    throw error;
  }
}

const tasksRequest = <T>(path: string, options?: RequestOptions) => onTasksRoute(path, (full) => request<T>(full, options));

/** Older servers send nullable UUIDs as Go's {uuid, valid}; current ones send a string or null. */
function nullableUuid(value: unknown): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (value && typeof value === "object" && "valid" in value && "uuid" in value) {
    const { valid, uuid } = value as { valid: unknown; uuid: unknown };
    return valid === true && typeof uuid === "string" ? uuid : null;
  }
  return null;
}

/** A status a newer Coder added is one this dashboard cannot act on: "unknown", as Coder's own enum has it. */
function knownStatus(value: unknown): Task["status"] {
  return (TASK_STATUSES as readonly unknown[]).includes(value) ? (value as Task["status"]) : "unknown";
}

/** v2.31 and older report an agent's failure as Coder's app state "failure"; the task API now says "failed". */
function currentState(value: TaskStateEntry | null | undefined): TaskStateEntry | null {
  if (!value) return null;
  return value.state === "failure" ? { ...value, state: "failed" } : value;
}

const isNullableId = (value: unknown) => value === null || (typeof value === "string" && value !== "");

/** Already in today's shape: the usual case, returned as it is (a list of 10,000 copies nothing). */
function isNormal(raw: Task): boolean {
  return (
    isNullableId(raw.workspace_id) &&
    isNullableId(raw.workspace_agent_id) &&
    isNullableId(raw.workspace_app_id) &&
    raw.workspace_agent_lifecycle !== undefined &&
    raw.workspace_agent_health !== undefined &&
    raw.current_state !== undefined &&
    (raw.current_state === null || raw.current_state.state !== "failure") &&
    (TASK_STATUSES as readonly string[]).includes(raw.status)
  );
}

export function normalizeTask(raw: Task): Task {
  if (isNormal(raw)) return raw;
  return {
    ...raw,
    status: knownStatus(raw.status),
    workspace_id: nullableUuid(raw.workspace_id),
    workspace_agent_id: nullableUuid(raw.workspace_agent_id),
    workspace_app_id: nullableUuid(raw.workspace_app_id),
    workspace_agent_lifecycle: raw.workspace_agent_lifecycle ?? null,
    workspace_agent_health: raw.workspace_agent_health ?? null,
    current_state: currentState(raw.current_state),
  };
}

export const taskPath = (user: string, task: string) => `/${encodeURIComponent(user)}/${encodeURIComponent(task)}`;

/** GET /tasks with Coder's `q` syntax (owner:, organization:, status:). */
export async function listTasks(q: string, signal?: AbortSignal): Promise<TasksListResponse> {
  const body = await tasksRequest<TasksListResponse>("", { query: { q }, signal });
  const tasks = (body.tasks ?? []).map(normalizeTask);
  return { tasks, count: body.count ?? tasks.length };
}

export async function getTask(user: string, task: string, signal?: AbortSignal): Promise<Task> {
  return normalizeTask(await tasksRequest<Task>(taskPath(user, task), { signal }));
}

export async function createTask(user: string, body: CreateTaskRequest): Promise<Task> {
  return normalizeTask(await tasksRequest<Task>(`/${encodeURIComponent(user)}`, { method: "POST", body }));
}

export function deleteTask(user: string, task: string): Promise<void> {
  return tasksRequest<void>(taskPath(user, task), { method: "DELETE" });
}

export function updateTaskInput(user: string, task: string, input: string): Promise<void> {
  return tasksRequest<void>(`${taskPath(user, task)}/input`, { method: "PATCH", body: { input } });
}

export function sendTaskInput(user: string, task: string, input: string): Promise<void> {
  return tasksRequest<void>(`${taskPath(user, task)}/send`, { method: "POST", body: { input }, timeoutMs: AGENT_TIMEOUT_MS });
}

/**
 * Coder v2.31.0 has pause and resume under /api/experimental only. A missing route ran nothing, so asking
 * there instead sends nothing twice; the other task routes stay where they are.
 */
async function buildAction(path: string): Promise<WorkspaceBuildResponse> {
  try {
    return await tasksRequest<WorkspaceBuildResponse>(path, { method: "POST" });
  } catch (error) {
    if (tasksBase !== STABLE || !isRouteNotFound(error)) throw error;
    return request<WorkspaceBuildResponse>(EXPERIMENTAL + path, { method: "POST" });
  }
}

export const pauseTask = (user: string, task: string) => buildAction(`${taskPath(user, task)}/pause`);
export const resumeTask = (user: string, task: string) => buildAction(`${taskPath(user, task)}/resume`);
