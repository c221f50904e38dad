import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Task } from "../../wire/types.ts";
import { CurrentState } from "../../components/CurrentState.tsx";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { StaleNotice } from "../../components/StaleNotice.tsx";
import { useNow } from "../../components/use-now.ts";
import { hasPauseResume } from "../../lib/coder-version.ts";
import { describeError } from "../../lib/errors.ts";
import { buildInfoQuery } from "../../queries/auth.ts";
import { taskQuery } from "../../queries/tasks.ts";
import { AgentSummary } from "./AgentSummary.tsx";
import { Composer } from "./Composer.tsx";
import { EditPrompt } from "./EditPrompt.tsx";
import { LogPanel } from "./LogPanel.tsx";
import { TaskActions } from "./TaskActions.tsx";
import { PromptBlock, TaskHeader } from "./TaskHeader.tsx";
import { Timeline } from "./Timeline.tsx";

const BUILD_IN_FLIGHT = new Set(["pending", "starting", "stopping", "deleting", "canceling"]);

/** Every 3 s while anything moves (a build, a start, an agent at work); every 30 s once paused or failed. */
function pollInterval(task: Task | undefined): number {
  if (!task || BUILD_IN_FLIGHT.has(task.workspace_status ?? "")) return 3_000;
  return task.status === "paused" || task.status === "error" ? 30_000 : 3_000;
}

const card = "rounded-md border border-slate-200 bg-white p-4";

export function TaskPage() {
  const { user = "", task: taskParam = "" } = useParams();
  const now = useNow(5_000);
  const buildInfo = useQuery(buildInfoQuery());
  const canPauseResume = hasPauseResume(buildInfo.data?.version);
  const query = useQuery({
    ...taskQuery(user, taskParam),
    refetchInterval: (q) => (q.state.status === "error" && q.state.data === undefined ? false : pollInterval(q.state.data)),
  });

  if (!query.data) {
    if (query.isError) {
      const error = describeError(query.error);
      return error.status === 404 ? (
        <TaskNotFound />
      ) : (
        <ErrorBanner error={error} title="Could not load the task" onRetry={() => void query.refetch()} />
      );
    }
    return (
      <p role="status" className="animate-pulse text-slate-500">
        Loading task…
      </p>
    );
  }

  const task = query.data;
  const refetchError = query.isError ? describeError(query.error) : null;
  return (
    <article className="space-y-5">
      {refetchError?.status === 404 ? (
        <div role="alert" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          This task has been deleted, or you no longer have access to it.{" "}
          <Link to="/tasks" className="text-sky-700 underline">
            Back to tasks
          </Link>
        </div>
      ) : (
        refetchError && <StaleNotice error={refetchError} since={new Date(query.dataUpdatedAt).toLocaleTimeString()} />
      )}
      <TaskHeader task={task} now={now} />
      <TaskActions task={task} canPauseResume={canPauseResume} />
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-3 lg:col-span-2">
          <LogPanel task={task} now={now} />
          <Composer task={task} canResume={canPauseResume} />
        </div>
        <div className="space-y-4">
          <section aria-labelledby="state-heading" className={card}>
            <h2 id="state-heading" className="mb-2 font-semibold">
              Current state
            </h2>
            <CurrentState status={task.status} state={task.current_state} now={now} />
          </section>
          <AgentSummary task={task} />
          <section aria-labelledby="prompt-heading" className={`${card} space-y-3`}>
            <h2 id="prompt-heading" className="font-semibold">
              Prompt
            </h2>
            <PromptBlock prompt={task.initial_prompt} />
            <EditPrompt task={task} canPause={canPauseResume} />
          </section>
          <Timeline task={task} seenAt={query.dataUpdatedAt} />
        </div>
      </div>
    </article>
  );
}

function TaskNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-2 py-12 text-center">
      <h1 className="text-xl font-semibold">Task not found, or you don't have access</h1>
      <p className="text-sm text-slate-600">It may have been deleted, or it belongs to someone whose tasks you cannot see.</p>
      <Link to="/tasks" className="text-sky-700 underline">
        Back to tasks
      </Link>
    </div>
  );
}
