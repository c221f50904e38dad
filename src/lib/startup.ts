import type { ProvisionerJobLog, Workspace, WorkspaceAgent, WorkspaceAgentLog, WorkspaceBuild } from "../wire/types.ts";

/**
 * What a task page shows of its workspace coming up, as Coder's own task page does: the build's log while
 * the build is queued or runs (and when it failed), then the agent's startup log while its scripts run (and
 * when they failed or timed out). Nothing once the agent is ready, or while the workspace stops.
 */
export type StartupView =
  | { kind: "build"; build: WorkspaceBuild; failed: boolean }
  | { kind: "agent"; build: WorkspaceBuild; agent: WorkspaceAgent; failed: boolean };

export function startupView(workspace: Workspace | undefined): StartupView | null {
  const build = workspace?.latest_build;
  if (!build || build.transition !== "start") return null;
  const job = build.job.status;
  if (job === "pending" || job === "running") return { kind: "build", build, failed: false };
  if (job === "failed" || job === "canceled" || job === "canceling") return { kind: "build", build, failed: true };
  if (job !== "succeeded") return null;
  const agent = build.resources.flatMap((r) => r.agents ?? [])[0];
  if (!agent) return null;
  const lifecycle = agent.lifecycle_state;
  if (lifecycle === "created" || lifecycle === "starting") return { kind: "agent", build, agent, failed: false };
  if (lifecycle === "start_error" || lifecycle === "start_timeout") return { kind: "agent", build, agent, failed: true };
  return null;
}

/** Whether a build's log can still grow: its job has not ended. */
export const isBuildLogOpen = (build: WorkspaceBuild) => build.job.status === "pending" || build.job.status === "running";

/** Whether an agent's startup log can still grow: its scripts are still running. */
export const isAgentLogOpen = (agent: WorkspaceAgent) => agent.lifecycle_state === "created" || agent.lifecycle_state === "starting";

/** One row of a build or startup log view. */
export interface LogLine {
  id: number;
  time: string;
  /** A stage's first line (its name) in a build log. */
  isHeader: boolean;
  isError: boolean;
  /** The stage (build) or the script that printed it (agent). */
  source: string;
  text: string;
}

/** One row per line of output: an entry may hold several lines, and every row is one line high. */
function rows(line: LogLine): LogLine[] {
  return line.text.includes("\n") ? line.text.split("\n").map((text) => ({ ...line, text })) : [line];
}

/** A build log's rows: Coder marks a new stage with an empty line of that stage, shown as its heading. */
export function buildLogLines(logs: readonly ProvisionerJobLog[]): LogLine[] {
  return logs.flatMap((log) => {
    const isHeader = log.output === "" && log.log_source === "provisioner_daemon";
    const line = { id: log.id, time: log.created_at, isHeader, isError: log.log_level === "error", source: log.stage };
    return rows({ ...line, text: isHeader ? log.stage : log.output });
  });
}

/** An agent log's rows, each named by the script (log source) that printed it. */
export function agentLogLines(logs: readonly WorkspaceAgentLog[], agent: WorkspaceAgent): LogLine[] {
  const names = new Map(agent.log_sources.map((s) => [s.id, s.display_name]));
  return logs.flatMap((log) =>
    rows({
      id: log.id,
      time: log.created_at,
      isHeader: false,
      isError: log.level === "error",
      source: names.get(log.source_id) ?? "Unknown script",
      text: log.output,
    }),
  );
}

/** The log as plain text, one line each, as a download or the clipboard gets it. */
export function logLinesAsText(lines: readonly LogLine[]): string {
  return lines.map((l) => (l.isHeader ? `== ${l.text} ==` : `${l.time} [${l.source}] ${l.text}`)).join("\n");
}

/** How long the build has run (or ran), in milliseconds. */
export function buildElapsedMs(build: WorkspaceBuild, now: number): number {
  const started = Date.parse(build.job.started_at ?? build.created_at);
  const ended = build.job.completed_at ? Date.parse(build.job.completed_at) : now;
  return Math.max(0, ended - started);
}
