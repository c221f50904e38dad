import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Task } from "../../api/types.ts";
import { CurrentState } from "../../components/CurrentState.tsx";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { StaleNotice } from "../../components/StaleNotice.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useNow } from "../../components/use-now.ts";
import { describeError } from "../../lib/errors.ts";
import { taskQuery } from "../../queries/tasks.ts";
import { TaskActions } from "./TaskActions.tsx";
import { AgentSummary } from "./AgentSummary.tsx";

/** Fast while something is changing, slow once the task is at rest. */
function pollInterval(task: Task | undefined): number {
  if (!task) return 5_000;
  return task.status === "paused" || task.status === "error" ? 30_000 : 3_000;
}

export function TaskPage() {
  const { user = "", task: taskParam = "" } = useParams();
  const now = useNow(5_000);
  const query = useQuery({
    ...taskQuery(user, taskParam),
    refetchInterval: (q) => (q.state.status === "error" && q.state.data === undefined ? false : pollInterval(q.state.data)),
  });

  if (!query.data) {
    if (query.isError) {
      const error = describeError(query.error);
      return error.status === 404 ? <TaskNotFound /> : <ErrorBanner error={error} title="Could not load the task" onRetry={() => void query.refetch()} />;
    }
    return <p role="status" className="animate-pulse text-slate-500">Loading task…</p>;
  }

  const task = query.data;
  const refetchError = query.isError ? describeError(query.error) : null;
  return (
    <article className="space-y-6">
      {refetchError?.status === 404 ? (
        <div role="alert" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          This task has been deleted, or you no longer have access to it. <Link to="/tasks" className="text-sky-700 underline">Back to tasks</Link>
        </div>
      ) : (
        refetchError && <StaleNotice error={refetchError} since={new Date(query.dataUpdatedAt).toLocaleTimeString()} />
      )}
      <header className="space-y-2">
        <p className="text-sm">
          <Link to="/tasks" className="text-sky-700 hover:underline">← Tasks</Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold break-words">{task.display_name || task.name}</h1>
          <StatusBadge status={task.status} />
        </div>
        <p className="font-mono text-sm text-slate-600">{task.name}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-500">Owner</dt>
          <dd>{task.owner_name}</dd>
          <dt className="text-slate-500">Template</dt>
          <dd>{task.template_display_name || task.template_name}</dd>
          <dt className="text-slate-500">Workspace</dt>
          <dd>
            {task.workspace_name}
            {task.workspace_status && ` (${task.workspace_status}${task.workspace_build_number ? `, build #${task.workspace_build_number}` : ""})`}
          </dd>
          <dt className="text-slate-500">Created</dt>
          <dd><RelativeTime iso={task.created_at} now={now} /></dd>
          <dt className="text-slate-500">Updated</dt>
          <dd><RelativeTime iso={task.updated_at} now={now} /></dd>
        </dl>
      </header>
      <TaskActions task={task} />
      <section aria-labelledby="state-heading" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="state-heading" className="mb-2 font-semibold">Current state</h2>
        <CurrentState status={task.status} state={task.current_state} now={now} />
      </section>
      <AgentSummary task={task} />
      <section aria-labelledby="prompt-heading" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="prompt-heading" className="mb-2 font-semibold">Prompt</h2>
        <pre className="whitespace-pre-wrap break-words font-sans text-sm">{task.initial_prompt}</pre>
      </section>
    </article>
  );
}

function TaskNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-2 py-12 text-center">
      <h1 className="text-xl font-semibold">Task not found, or you don't have access</h1>
      <p className="text-sm text-slate-600">It may have been deleted, or it belongs to someone whose tasks you cannot see.</p>
      <Link to="/tasks" className="text-sky-700 underline">Back to tasks</Link>
    </div>
  );
}
