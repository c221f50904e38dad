import type { TaskStateEntry, TaskStatus, WorkspaceAgent, WorkspaceStatus } from "../../src/wire/types.ts";
import type { Agent, Build, JobStatus, Workspace } from "./model.ts";

export const iso = (ms: number): string => new Date(ms).toISOString();

export function latestBuild(ws: Workspace): Build | undefined {
  return ws.builds[ws.builds.length - 1];
}

const BUILD_IN_FLIGHT: ReadonlySet<JobStatus> = new Set(["pending", "running", "canceling"]);

export function isBuildActive(ws: Workspace): boolean {
  const build = latestBuild(ws);
  return build !== undefined && BUILD_IN_FLIGHT.has(build.jobStatus);
}

/** The build component of the tasks_with_status view (semantics §4.1). */
function buildComponent(build: Build | undefined): TaskStatus {
  if (build === undefined) return "pending";
  if (build.jobStatus === "failed" || build.jobStatus === "canceling" || build.jobStatus === "canceled") return "error";
  if (build.transition !== "start") return build.jobStatus === "succeeded" ? "paused" : "unknown";
  if (build.jobStatus === "pending") return "pending";
  return "active";
}

/** Task.status: build, then agent, then app, each consulted only while the previous one says "active". */
export function deriveStatus(ws: Workspace | undefined): TaskStatus {
  if (ws === undefined) return "pending";
  const build = ws.binding ? ws.builds.find((b) => b.number === ws.binding?.buildNumber) : undefined;
  const fromBuild = buildComponent(build);
  if (fromBuild !== "active") return fromBuild;

  const agent = ws.binding?.agentId && ws.agent?.id === ws.binding.agentId ? ws.agent : null;
  if (agent === null || agent.lifecycle === "created" || agent.lifecycle === "starting") return "initializing";
  if (agent.lifecycle !== "ready" && agent.lifecycle !== "start_timeout" && agent.lifecycle !== "start_error") {
    return "unknown";
  }

  const app = ws.binding?.appId && ws.app?.id === ws.binding.appId ? ws.app : null;
  switch (app?.health) {
    case "initializing":
      return "initializing";
    case "unhealthy":
      return "error";
    case "healthy":
    case "disabled":
      return "active";
    default:
      return "unknown";
  }
}

/** Workspace status from the latest build and its job (codersdk.ConvertWorkspaceStatus). */
export function workspaceStatus(build: Build): WorkspaceStatus {
  switch (build.jobStatus) {
    case "pending":
      return "pending";
    case "running":
      return build.transition === "start" ? "starting" : build.transition === "stop" ? "stopping" : "deleting";
    case "succeeded":
      return build.transition === "start" ? "running" : build.transition === "stop" ? "stopped" : "deleted";
    case "canceling":
      return "canceling";
    case "canceled":
      return "canceled";
    case "failed":
      return "failed";
  }
}

function initializingMessage(ws: Workspace): string {
  const build = latestBuild(ws);
  if (build && build.jobStatus === "pending") return "Workspace is pending";
  if (build && build.jobStatus === "running") return "Workspace is starting";
  const lifecycle = ws.binding?.agentId ? ws.agent?.lifecycle : undefined;
  if (lifecycle === undefined) return "Initializing workspace";
  if (lifecycle === "created") return "Agent is connecting";
  if (lifecycle === "starting") return "Agent is starting";
  if (lifecycle === "ready") {
    return ws.app?.health === "initializing" ? "App is initializing" : "Initializing workspace applications";
  }
  return "Initializing workspace agent";
}

/** current_state (semantics §4.3): the latest app status, a synthetic entry while initializing, else null. */
export function deriveCurrentState(
  ws: Workspace | undefined,
  status: TaskStatus,
  failedState: "failed" | "failure",
): TaskStateEntry | null {
  if (ws === undefined) return null;
  const build = latestBuild(ws);
  const appStatus = ws.appStatuses[ws.appStatuses.length - 1];
  const isStale = appStatus !== undefined && build?.transition === "start" && appStatus.createdAt < build.createdAt;
  if (appStatus !== undefined && !isStale) {
    return {
      timestamp: iso(appStatus.createdAt),
      // Before v2.32 Coder copied the app status as it was, "failure" included.
      state: appStatus.state === "failure" ? failedState : appStatus.state,
      message: appStatus.message,
      uri: appStatus.uri,
    };
  }
  if (status === "initializing") {
    return {
      timestamp: iso(build?.createdAt ?? ws.createdAt),
      state: "working",
      message: initializingMessage(ws),
      uri: "",
    };
  }
  return null;
}

/** The agent's connection as coderd reports it, from what the simulator tracks. */
export function agentConnection(agent: Agent): WorkspaceAgent["status"] {
  if (agent.lifecycle === "created") return "connecting";
  if (agent.lifecycle === "off" || agent.healthReason === "agent has lost connection") return "disconnected";
  return "connected";
}
