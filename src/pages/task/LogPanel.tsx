import { useQuery } from "@tanstack/react-query";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { describeError, isAgentUnreachable, isNotFound } from "../../lib/errors.ts";
import { agentState, taskPhase, type TaskActions } from "../../lib/task-phase.ts";
import { taskLogsQuery } from "../../queries/task-logs.ts";
import { useIsGone, useIsPausing } from "../../queries/tasks.ts";
import type { Task, TaskLogsResponse } from "../../wire/types.ts";
import { Conversation } from "./Conversation.tsx";

/** The live conversation is polled while the task is active; a snapshot does not change, so it is read once. */
const LIVE_POLL_MS = 2_000;
/**
 * With watch-ws healthy, each workspace event refreshes the conversation (it sits under the task's key). Coder
 * publishes no event for the conversation itself, so while the agent reports that it is working (and may say
 * more between two reports) it is also read every 30 s; an agent that waits says nothing new until asked.
 */
const PUSHED_POLL_MS = 30_000;

const UNAVAILABLE: Record<string, string> = {
  error:
    "The task is in error, so its conversation cannot be shown: Coder serves the live conversation only while a task is active, and a saved snapshot could be out of date. Resume or delete the task.",
  unknown:
    "The task's workspace is stopping, or its agent has gone away, so its conversation cannot be shown right now. It will be back once the task is paused or active again.",
};

/** Why the page shows an earlier conversation than the one Coder would serve now. */
function frozenNote(task: Task, isPausing: boolean, kind: TaskActions["logs"]): string {
  if (isPausing || task.status === "unknown") {
    return "Stopping: this is the conversation as it was when the task began to stop. The snapshot saved at the pause replaces it once the task is paused.";
  }
  if (task.status === "error") return "The task is in error: this is the conversation as it was last seen.";
  return kind === "snapshot" ? "Loading the snapshot saved at the last pause…" : "Connecting to the agent…";
}

/**
 * Which conversation to show. Coder serves the live one while a task is active and the snapshot while it is
 * paused or starting, and refuses both otherwise, so nothing is asked outside those states (nor while a
 * pause is on its way). Between them the last conversation seen stays on screen, saying why.
 */
export function LogPanel({ task, actions, now, pushed }: { task: Task; actions: TaskActions; now: number; pushed: boolean }) {
  const isPausing = useIsPausing(task.id);
  const isDeleting = useIsGone(task.id);
  const live = useQuery({
    ...taskLogsQuery(task.owner_name, task.id, "live"),
    enabled: actions.logs === "live" && !isPausing && !isDeleting,
    refetchInterval:
      actions.logs !== "live" || isPausing || isDeleting
        ? false
        : !pushed
          ? LIVE_POLL_MS
          : agentState(task) === "working"
            ? PUSHED_POLL_MS
            : false,
  });
  const snapshot = useQuery({
    ...taskLogsQuery(task.owner_name, task.id, "snapshot"),
    enabled: actions.logs === "snapshot" && !isDeleting,
  });
  const current = actions.logs === "live" && !isPausing ? live : actions.logs === "snapshot" ? snapshot : null;
  const earlier = latest(live.data, live.dataUpdatedAt, snapshot.data, snapshot.dataUpdatedAt);

  // Coder gave up dialling the agent: the page keeps what it has and keeps trying on its own.
  const unreachable = current !== null && isAgentUnreachable(current.error ?? current.failureReason);
  const shown = current?.data ?? earlier;

  let body;
  if (unreachable) {
    body = (
      <>
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The task's agent cannot be reached right now: Coder tried for 30 seconds.{" "}
          {shown ? "This is the conversation as it was last seen; " : ""}
          the page keeps trying.
        </p>
        {shown && <Conversation entries={shown.logs} taskName={task.name} />}
      </>
    );
  } else if (current?.data) {
    const isFirstStart = taskPhase(task) === "starting" && (task.workspace_build_number ?? 1) <= 1;
    // Before a first start's agent is up, the note says all there is to say.
    const notYet = isFirstStart && !current.data.snapshot_at && current.data.logs.length === 0;
    body = (
      <>
        {current.isError && (
          <ErrorBanner error={describeError(current.error)} title="Could not refresh the conversation; showing what was last loaded" />
        )}
        {current.data.snapshot && <SnapshotNote logs={current.data} now={now} isFirstStart={isFirstStart} />}
        {!notYet && <Conversation entries={current.data.logs} taskName={task.name} />}
      </>
    );
  } else if (earlier && !current?.isError) {
    body = (
      <>
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {frozenNote(task, isPausing, actions.logs)}
        </p>
        <Conversation entries={earlier.logs} taskName={task.name} />
      </>
    );
  } else if (current === null) {
    body = (
      <p role="note" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
        {UNAVAILABLE[task.status] ?? UNAVAILABLE.unknown}
      </p>
    );
  } else if (current.isError) {
    body = (
      <ErrorBanner error={explainLogError(current.error)} title="Could not load the conversation" onRetry={() => void current.refetch()} />
    );
  } else {
    body = (
      <p role="status" className="animate-pulse text-slate-500">
        Loading the conversation…
      </p>
    );
  }
  return (
    <section aria-label="Conversation" className="min-w-0 space-y-2">
      <h2 className="text-lg font-semibold">Conversation</h2>
      {body}
    </section>
  );
}

function latest(a: TaskLogsResponse | undefined, aAt: number, b: TaskLogsResponse | undefined, bAt: number): TaskLogsResponse | undefined {
  if (!a) return b;
  if (!b) return a;
  return aAt >= bAt ? a : b;
}

/** A new task's first start has no snapshot because it was never paused: that is not a missing snapshot. */
function SnapshotNote({ logs, now, isFirstStart }: { logs: TaskLogsResponse; now: number; isFirstStart: boolean }) {
  return (
    <p role="note" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
      {!logs.snapshot_at && isFirstStart ? (
        "The conversation starts once the agent is up."
      ) : logs.snapshot_at ? (
        <>
          Snapshot taken <RelativeTime iso={logs.snapshot_at} now={now} />, when the task was paused.
        </>
      ) : (
        "No snapshot available: the agent saved none when the task was paused."
      )}
    </p>
  );
}

/** A 404 on the live log of a task one can see means no permission to connect to its workspace. */
function explainLogError(error: unknown) {
  const described = describeError(error);
  if (!isNotFound(error)) return described;
  return {
    ...described,
    detail:
      "You can see this task, but reading its live conversation needs permission to connect to its workspace (only its owner and site owners have it).",
  };
}
