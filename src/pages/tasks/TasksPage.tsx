import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { StaleNotice } from "../../components/StaleNotice.tsx";
import { useNow } from "../../components/use-now.ts";
import { describeError } from "../../lib/errors.ts";
import { relativeTime } from "../../lib/time.ts";
import { taskListQuery } from "../../queries/tasks.ts";
import { TaskTable } from "./TaskTable.tsx";

/** Coder's own list polls every 10 s; React Query pauses the interval while the tab is hidden. */
const POLL_MS = 10_000;

export function TasksPage() {
  const now = useNow(5_000);
  const tasks = useQuery({ ...taskListQuery(""), refetchInterval: POLL_MS });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Tasks</h1>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          {tasks.dataUpdatedAt > 0 && <span>Updated {relativeTime(new Date(tasks.dataUpdatedAt).toISOString(), now)}</span>}
          <Link to="/tasks/new" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            New task
          </Link>
        </div>
      </div>
      {tasks.data ? (
        <>
          {tasks.isError && (
            <StaleNotice error={describeError(tasks.error)} since={new Date(tasks.dataUpdatedAt).toLocaleTimeString()} />
          )}
          {tasks.data.tasks.length === 0 ? (
            <div className="rounded-md border border-dashed border-slate-300 p-8 text-center">
              <p className="font-medium">No tasks yet.</p>
              <Link to="/tasks/new" className="text-sky-700 underline">
                Create a task
              </Link>
            </div>
          ) : (
            <TaskTable tasks={tasks.data.tasks} now={now} />
          )}
        </>
      ) : tasks.isError ? (
        <ErrorBanner error={describeError(tasks.error)} title="Could not load tasks" onRetry={() => void tasks.refetch()} />
      ) : (
        <p role="status" className="animate-pulse text-slate-500">
          Loading tasks…
        </p>
      )}
    </div>
  );
}
