import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { coderWorkspaceUrl } from "../../lib/paths.ts";
import { agentLogLines, buildElapsedMs, buildLogLines, type StartupView } from "../../lib/startup.ts";
import { durationWords } from "../../lib/time.ts";
import { useNow } from "../../components/use-now.ts";
import { useDeployment } from "../../queries/deployment.ts";
import { templateQuery } from "../../queries/directory.ts";
import { useAgentLog, useBuildLog } from "../../queries/workspace.ts";
import type { Task, WorkspaceAgent, WorkspaceBuild } from "../../wire/types.ts";
import { LineLog } from "./LineLog.tsx";

/** The workspace coming up: its build log while it builds, then its agent's startup log; or why it failed. */
export function StartupPanel({ task, view }: { task: Task; view: StartupView }) {
  const { coderUi } = useDeployment();
  const inCoder = coderUi ? coderWorkspaceUrl(coderUi, task.owner_name, task.workspace_name, view.build.build_number) : null;
  return (
    <section aria-labelledby="startup-heading" className="min-w-0 space-y-2 rounded-md border border-slate-200 bg-white p-3">
      {view.kind === "build" ? (
        <BuildStatus task={task} build={view.build} failed={view.failed} />
      ) : (
        <AgentStatus agent={view.agent} failed={view.failed} />
      )}
      {view.kind === "build" ? <BuildLog task={task} build={view.build} /> : <AgentLog task={task} agent={view.agent} />}
      {inCoder && (
        <p className="text-sm">
          <a href={inCoder} target="_blank" rel="noreferrer" className="text-sky-700 underline">
            Open build #{view.build.build_number} in Coder
          </a>
        </p>
      )}
    </section>
  );
}

function BuildStatus({ task, build, failed }: { task: Task; build: WorkspaceBuild; failed: boolean }) {
  const now = useNow(1_000);
  const template = useQuery(templateQuery(task.template_id));
  const usual = template.data?.build_time_stats.start.P50 ?? null;
  const elapsedMs = buildElapsedMs(build, now);
  if (failed) {
    return (
      <div role="alert" className="space-y-1">
        <h2 id="startup-heading" className="text-lg font-semibold">
          The workspace build failed
        </h2>
        <p className="text-sm">
          <span className="font-medium">Coder says:</span> {build.job.error || "the build ended without saying why."}
          {build.job.error_code && <span className="ml-1 font-mono text-xs">({build.job.error_code})</span>}
        </p>
        <p className="text-sm text-slate-600">The log below opens at its first error.</p>
      </div>
    );
  }
  const queued = build.job.status === "pending";
  return (
    <div className="space-y-1">
      <h2 id="startup-heading" className="text-lg font-semibold">
        {queued ? "Waiting for a provisioner" : "Building the workspace"}
      </h2>
      <p role="status" className="text-sm text-slate-600 tabular-nums">
        {queued
          ? `Queued${build.job.queue_size > 0 ? ` (${build.job.queue_position} of ${build.job.queue_size})` : ""}.`
          : `Building for ${durationWords(elapsedMs)}`}
        {!queued && usual !== null && ` · this template usually takes about ${durationWords(usual)}`}
      </p>
    </div>
  );
}

function AgentStatus({ agent, failed }: { agent: WorkspaceAgent; failed: boolean }) {
  if (!failed) {
    return (
      <div className="space-y-1">
        <h2 id="startup-heading" className="text-lg font-semibold">
          Running startup scripts
        </h2>
        <p role="status" className="text-sm text-slate-600">
          {agent.lifecycle_state === "created" ? "Waiting for the agent to connect…" : "The agent is running its startup scripts."}
        </p>
      </div>
    );
  }
  const timedOut = agent.lifecycle_state === "start_timeout";
  return (
    <div role="alert" className="space-y-1">
      <h2 id="startup-heading" className="text-lg font-semibold">
        {timedOut ? "Startup scripts took longer than allowed" : "A startup script failed"}
      </h2>
      <p className="text-sm">
        {timedOut
          ? "The agent may still work: Coder reports the timeout but keeps the agent running."
          : `Coder says: ${agent.health.reason ?? "agent startup script exited with an error"}.`}{" "}
        The log below opens at its first error.
      </p>
    </div>
  );
}

function BuildLog({ task, build }: { task: Task; build: WorkspaceBuild }) {
  const stream = useBuildLog(build);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the array grows in place; `version` says when
  const lines = useMemo(() => buildLogLines(stream.lines), [stream.lines, stream.version]);
  return (
    <StreamBody mode={stream.mode} error={stream.error} empty={lines.length === 0} emptyText="Nothing logged yet: the build is queued.">
      <LineLog label="Build log" lines={lines} fileName={`${task.name}-build-${build.build_number}.log`} showSource={false} />
    </StreamBody>
  );
}

function AgentLog({ task, agent }: { task: Task; agent: WorkspaceAgent }) {
  const stream = useAgentLog(agent);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the array grows in place; `version` says when
  const lines = useMemo(() => agentLogLines(stream.lines, agent), [stream.lines, stream.version, agent]);
  return (
    <StreamBody mode={stream.mode} error={stream.error} empty={lines.length === 0} emptyText="Nothing logged yet: the agent is connecting.">
      <LineLog label="Startup log" lines={lines} fileName={`${task.name}-startup.log`} showSource />
    </StreamBody>
  );
}

function StreamBody({
  mode,
  error,
  empty,
  emptyText,
  children,
}: {
  mode: string;
  error: unknown;
  empty: boolean;
  emptyText: string;
  children: React.ReactNode;
}) {
  return (
    <>
      {error !== null && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Could not read the log just now ({error instanceof Error ? error.message : "network error"}); trying again.
        </p>
      )}
      {empty && mode !== "loading" ? <p className="text-sm text-slate-500">{emptyText}</p> : children}
    </>
  );
}
