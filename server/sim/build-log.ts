import type { LogLevel, ProvisionerJobLog, WorkspaceAgentLog, WorkspaceAgentLogSource } from "../../src/wire/types.ts";
import { iso } from "./derive.ts";
import type { Agent, Build } from "./model.ts";
import { stableUuid } from "./names.ts";

/**
 * Build and agent logs are not stored line by line: each is a pure function of its build or agent (what
 * it does, when it ran, how it ends), so 10,000 seeded tasks cost no memory for them. A line exists once
 * the clock has passed its moment, which is what makes a follow stream show them as they are "written".
 */

interface ScriptLine {
  /** Where in the phase the line is written, from 0 (its start) to 1 (its end). */
  at: number;
  level: LogLevel;
  output: string;
}

interface ProvisionerLine extends ScriptLine {
  stage: string;
  source: "provisioner_daemon" | "provisioner";
}

/** Room for a build's own lines and any the simulator controls add: log ids are global and rise within a job. */
export const LOG_IDS_PER_BUILD = 1_000_000;

const stageHeader = (at: number, stage: string): ProvisionerLine => ({
  at,
  stage,
  source: "provisioner_daemon",
  level: "info",
  output: "",
});
const line = (at: number, stage: string, output: string, level: LogLevel = "info"): ProvisionerLine => ({
  at,
  stage,
  source: "provisioner",
  level,
  output,
});

/** What Coder's Terraform provisioner prints for a start, stop or delete, stage by stage, ending in `error` if the build fails. */
function provisionerScript(build: Build, workspaceName: string): ProvisionerLine[] {
  const setup = [
    stageHeader(0, "Setting up"),
    stageHeader(0.04, "Parsing template parameters"),
    stageHeader(0.08, "Detecting persistent resources"),
    line(0.1, "Detecting persistent resources", "Terraform 1.13.4"),
    line(0.14, "Detecting persistent resources", "data.coder_provisioner.me: Refreshing..."),
    line(0.16, "Detecting persistent resources", "data.coder_workspace.me: Refreshing..."),
    line(0.17, "Detecting persistent resources", "data.coder_workspace_owner.me: Refreshing..."),
    line(0.2, "Detecting persistent resources", "data.coder_provisioner.me: Refresh complete after 0s [id=7b3c1a90]"),
    line(0.22, "Detecting persistent resources", "data.coder_workspace.me: Refresh complete after 0s"),
    stageHeader(0.26, "Detecting ephemeral resources"),
    stageHeader(0.3, "Planning infrastructure"),
    line(0.32, "Planning infrastructure", "Terraform 1.13.4"),
    line(0.34, "Planning infrastructure", "data.coder_parameter.ai_prompt: Refreshing..."),
    line(0.38, "Planning infrastructure", "data.coder_parameter.ai_prompt: Refresh complete after 0s"),
  ];
  if (build.transition === "stop" || build.transition === "delete") {
    const stage = build.transition === "stop" ? "Stopping workspace" : "Destroying workspace";
    const action = build.transition === "stop" ? "0 to add, 0 to change, 1 to destroy" : "0 to add, 0 to change, 3 to destroy";
    return [
      ...setup,
      line(0.45, "Planning infrastructure", `Plan: ${action}.`),
      stageHeader(0.5, stage),
      line(0.55, stage, "coder_agent.main: Destroying..."),
      line(0.7, stage, `docker_container.workspace[0]: Destroying... [id=${workspaceName}]`),
      line(0.9, stage, "docker_container.workspace[0]: Destruction complete after 1s"),
      line(0.95, stage, `Apply complete! Resources: 0 added, 0 changed, ${build.transition === "stop" ? 1 : 3} destroyed.`),
      stageHeader(1, "Cleaning Up"),
    ];
  }
  const start = [
    ...setup,
    line(0.42, "Planning infrastructure", "coder_agent.main: Plan to create"),
    line(0.43, "Planning infrastructure", "coder_app.agentapi: Plan to create"),
    line(0.44, "Planning infrastructure", "docker_container.workspace[0]: Plan to create"),
    line(0.45, "Planning infrastructure", "Plan: 3 to add, 0 to change, 0 to destroy."),
    stageHeader(0.5, "Starting workspace"),
    line(0.52, "Starting workspace", "coder_agent.main: Creating..."),
    line(0.55, "Starting workspace", "coder_agent.main: Creation complete after 0s [id=f3d1e2a4]"),
    line(0.6, "Starting workspace", "coder_app.agentapi: Creating..."),
    line(0.63, "Starting workspace", "coder_app.agentapi: Creation complete after 0s"),
    line(0.7, "Starting workspace", "docker_container.workspace[0]: Creating..."),
  ];
  if (build.failure !== null) {
    return [
      ...start,
      line(0.9, "Starting workspace", `Error: ${build.failure}`, "error"),
      line(0.92, "Starting workspace", "", "error"),
      line(0.93, "Starting workspace", "  with docker_container.workspace[0],", "error"),
      line(0.94, "Starting workspace", '  on main.tf line 142, in resource "docker_container" "workspace":', "error"),
      line(1, "Cleaning Up", "exit status 1", "error"),
    ];
  }
  return [
    ...start,
    line(0.8, "Starting workspace", "docker_container.workspace[0]: Still creating... [1s elapsed]"),
    line(0.9, "Starting workspace", `docker_container.workspace[0]: Creation complete after 2s [id=${workspaceName}]`),
    line(0.95, "Starting workspace", "Apply complete! Resources: 3 added, 0 changed, 0 destroyed."),
    line(0.97, "Starting workspace", "Outputs: 0"),
    stageHeader(1, "Cleaning Up"),
  ];
}

/**
 * The build's log as far as the clock has got: nothing while the job waits in the queue, the script as it
 * runs, then whatever the simulator controls appended. `after` is a log id, as Coder's query parameter.
 */
export function buildLogs(build: Build, workspaceName: string, now: number, after = 0): ProvisionerJobLog[] {
  if (build.startedAt === null) return [];
  const runFor = build.runFor;
  const out: ProvisionerJobLog[] = [];
  provisionerScript(build, workspaceName).forEach((entry, i) => {
    const time = build.startedAt! + Math.round(entry.at * runFor);
    const id = build.logIdBase + i + 1;
    if (time > now || id <= after) return;
    out.push({ id, created_at: iso(time), log_source: entry.source, log_level: entry.level, stage: entry.stage, output: entry.output });
  });
  const extra = build.extraLogs;
  if (extra !== null) {
    const first = build.logIdBase + 1000;
    for (let i = Math.max(0, after - first); i < extra.count; i++) {
      out.push({
        id: first + i + 1,
        created_at: iso(extra.at),
        log_source: "provisioner",
        log_level: "info",
        stage: extra.stage,
        output: `${extra.output} (${i + 1}/${extra.count})`,
      });
    }
  }
  return out;
}

/** Whether the build's log is complete: its job has finished, so a follow stream ends. */
export function buildLogsDone(build: Build): boolean {
  return build.jobStatus === "succeeded" || build.jobStatus === "failed" || build.jobStatus === "canceled";
}

interface AgentSource {
  key: string;
  displayName: string;
  icon: string;
}

const SOURCES: AgentSource[] = [
  { key: "startup", displayName: "Startup Script", icon: "/emojis/25b6.png" },
  { key: "git-clone", displayName: "Git Clone", icon: "/icon/git.svg" },
  { key: "agentapi", displayName: "AgentAPI", icon: "/icon/claude.svg" },
];

export function agentLogSources(agent: Agent): WorkspaceAgentLogSource[] {
  return SOURCES.map((source) => ({
    id: stableUuid(`${agent.id}:${source.key}`),
    workspace_agent_id: agent.id,
    created_at: iso(agent.createdAt),
    display_name: source.displayName,
    icon: source.icon,
  }));
}

type AgentLine = ScriptLine & { source: string };

/** What the agent's startup scripts print: clone the repository, install the agent, start AgentAPI; a failing script ends in an error. */
function agentScript(agent: Agent): AgentLine[] {
  const lines: AgentLine[] = [
    { at: 0, source: "startup", level: "info", output: "+ mkdir -p /home/coder/project" },
    { at: 0.05, source: "git-clone", level: "info", output: "Cloning into '/home/coder/project'..." },
    { at: 0.15, source: "git-clone", level: "info", output: "remote: Enumerating objects: 4821, done." },
    { at: 0.22, source: "git-clone", level: "info", output: "Receiving objects: 100% (4821/4821), 12.40 MiB | 31.02 MiB/s, done." },
    { at: 0.28, source: "git-clone", level: "info", output: "Resolving deltas: 100% (2911/2911), done." },
    { at: 0.35, source: "startup", level: "info", output: "+ npm install --global @anthropic-ai/claude-code" },
    { at: 0.55, source: "startup", level: "info", output: "added 3 packages in 4s" },
  ];
  if (agent.outcome === "start_error") {
    return [
      ...lines,
      { at: 0.7, source: "startup", level: "info", output: "+ ./scripts/setup-dev.sh" },
      { at: 0.85, source: "startup", level: "error", output: "setup-dev.sh: line 12: DATABASE_URL: unbound variable" },
      { at: 1, source: "startup", level: "error", output: "Script exited with code 1" },
    ];
  }
  if (agent.outcome === "start_timeout" || agent.outcome === "stuck") {
    return [
      ...lines,
      { at: 0.7, source: "startup", level: "info", output: "+ ./scripts/warm-cache.sh" },
      { at: 0.8, source: "startup", level: "warn", output: "warm-cache.sh: waiting for the package mirror to answer…" },
    ];
  }
  return [
    ...lines,
    { at: 0.75, source: "agentapi", level: "info", output: "Starting AgentAPI on port 3284" },
    { at: 0.9, source: "agentapi", level: "info", output: "AgentAPI is listening on http://localhost:3284" },
    { at: 1, source: "startup", level: "info", output: "Startup scripts finished" },
  ];
}

/** The agent's startup log as far as the clock has got; `after` is a log id, as Coder's query parameter. */
export function agentLogs(agent: Agent, now: number, after = 0): WorkspaceAgentLog[] {
  if (agent.startedAt === null) return [];
  const out: WorkspaceAgentLog[] = [];
  agentScript(agent).forEach((entry, i) => {
    const time = agent.startedAt! + Math.round(entry.at * agent.startupFor);
    const id = agent.logIdBase + i + 1;
    if (time > now || id <= after) return;
    out.push({ id, created_at: iso(time), output: entry.output, level: entry.level, source_id: stableUuid(`${agent.id}:${entry.source}`) });
  });
  return out;
}
