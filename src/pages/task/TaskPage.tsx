import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, useParams } from "react-router";
import { CurrentState } from "../../components/CurrentState.tsx";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { Panel } from "../../components/Panel.tsx";
import { RefreshNotice } from "../../components/RefreshNotice.tsx";
import { useNow } from "../../components/use-now.ts";
import { describeError, isNotFound } from "../../lib/errors.ts";
import { isTaskId, taskPath } from "../../lib/paths.ts";
import { isBuildInFlight, taskActions } from "../../lib/task-phase.ts";
import { useDeployment } from "../../queries/deployment.ts";
import { taskByNameQuery, taskQuery, useIsGone } from "../../queries/tasks.ts";
import { useWorkspaceWatch, workspaceQuery } from "../../queries/workspace.ts";
import { startupView } from "../../lib/startup.ts";
import type { Task } from "../../wire/types.ts";
import { AgentSummary } from "./AgentSummary.tsx";
import { Composer } from "./Composer.tsx";
import { EditPrompt } from "./EditPrompt.tsx";
import { LogPanel } from "./LogPanel.tsx";
import { TaskActions } from "./TaskActions.tsx";
import { StartupPanel } from "./StartupPanel.tsx";
import { PromptBlock, TaskHeader } from "./TaskHeader.tsx";
import { Timeline } from "./Timeline.tsx";

/** Every 3 s while anything moves (a build, a start, an agent at work); every 30 s once paused or failed. */
function pollInterval(task: Task | undefined): number {
  if (!task || isBuildInFlight(task)) return 3_000;
  return task.status === "paused" || task.status === "error" ? 30_000 : 3_000;
}

/** /tasks/:user/:task. The task's id is its address; a name in the URL is looked up once and replaced by the id. */
export function TaskPage() {
  const { user = "", task = "" } = useParams();
  return isTaskId(task) ? <TaskById owner={user} id={task} /> : <TaskByName owner={user} name={task} />;
}

function TaskByName({ owner, name }: { owner: string; name: string }) {
  const found = useQuery(taskByNameQuery(owner, name));
  if (found.data) return <Navigate to={taskPath(found.data)} replace />;
  return <LoadProblem query={found} />;
}

function LoadProblem({ query }: { query: { isError: boolean; error: unknown; refetch: () => unknown } }) {
  if (!query.isError) {
    return (
      <p role="status" className="animate-pulse text-slate-500">
        Loading task…
      </p>
    );
  }
  if (isNotFound(query.error)) return <TaskNotFound />;
  return <ErrorBanner error={describeError(query.error)} title="Could not load the task" onRetry={() => void query.refetch()} />;
}

function TaskById({ owner, id }: { owner: string; id: string }) {
  const now = useNow(5_000);
  const deployment = useDeployment();
  const isDeleting = useIsGone(id);
  const [live, setLive] = useState(false);
  const query = useQuery({
    ...taskQuery(owner, id),
    enabled: !isDeleting,
    // While watch-ws is healthy, its events refresh the task; polling is what takes over when it is not.
    refetchInterval: (q) =>
      isDeleting || live || (q.state.status === "error" && q.state.data === undefined) ? false : pollInterval(q.state.data),
  });
  const workspaceId = isDeleting ? null : (query.data?.workspace_id ?? null);
  const healthy = useWorkspaceWatch(workspaceId, id);
  if (healthy !== live) setLive(healthy);
  const workspace = useQuery({
    ...workspaceQuery(workspaceId ?? ""),
    enabled: workspaceId !== null,
    refetchInterval: live ? false : pollInterval(query.data),
  });
  if (!query.data) return isDeleting ? <TaskNotFound /> : <LoadProblem query={query} />;

  const task = query.data;
  const startup = startupView(workspace.data);
  const actions = taskActions(task, { pauseResume: deployment.canPauseResume });
  const refetchError = query.isError ? query.error : null;
  return (
    <article className="min-w-0 space-y-5">
      {refetchError !== null && isNotFound(refetchError) ? (
        <div role="alert" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          This task has been deleted, or you no longer have access to it.{" "}
          <Link to="/tasks" className="text-sky-700 underline">
            Back to tasks
          </Link>
        </div>
      ) : (
        <RefreshNotice failure={query.failureReason} error={refetchError} updatedAt={query.dataUpdatedAt} />
      )}
      <TaskHeader task={task} now={now} />
      <p className="text-xs text-slate-500">
        {live ? "Live: changes appear as Coder reports them." : "Checking for changes every few seconds."}
      </p>
      <TaskActions task={task} actions={actions} />
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-3 lg:col-span-2">
          {startup && <StartupPanel task={task} view={startup} />}
          <LogPanel task={task} actions={actions} now={now} pushed={live} />
          <Composer task={task} actions={actions} />
        </div>
        <div className="min-w-0 space-y-4">
          <Panel title="Current state">
            <CurrentState task={task} now={now} />
          </Panel>
          <AgentSummary task={task} />
          <Panel title="Prompt" className="space-y-3">
            <PromptBlock prompt={task.initial_prompt} />
            <EditPrompt task={task} actions={actions} />
          </Panel>
          <Timeline task={task} workspace={workspace.data} now={now} />
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
