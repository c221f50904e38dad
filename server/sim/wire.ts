import type * as Wire from "../../src/wire/types.ts";
import { agentLogSources } from "./build-log.ts";
import { stableUuid } from "./names.ts";
import { agentConnection, deriveCurrentState, deriveStatus, iso, workspaceStatus } from "./derive.ts";
import type { Agent, App, AppStatus, Build, Organization, Task, Template, TemplateVersion, User, Workspace } from "./model.ts";
import type { Store } from "./store.ts";

/**
 * Builds the JSON bodies exactly as Coder marshals them, omitempty fields and all, typed with the wire types
 * the dashboard reads: a field that drifts from the client's shape fails the type check.
 */

export function taskJson(store: Store, task: Task): Wire.Task {
  const ws = store.workspaceOf(task);
  const owner = store.users.get(task.ownerId);
  const version = store.versions.get(task.templateVersionId);
  const template = version ? store.templates.get(version.templateId) : undefined;
  const status = deriveStatus(ws);
  const build = ws?.builds[ws.builds.length - 1];
  const agentBound = ws?.binding?.agentId ? ws.agent : null;

  return {
    id: task.id,
    organization_id: task.orgId,
    owner_id: task.ownerId,
    owner_name: owner?.username ?? "",
    ...(owner?.avatarUrl ? { owner_avatar_url: owner.avatarUrl } : {}),
    name: task.name,
    display_name: task.displayName,
    template_id: template?.id ?? "",
    template_version_id: task.templateVersionId,
    template_name: template?.name ?? "",
    template_display_name: template?.displayName ?? "",
    template_icon: template?.icon ?? "",
    workspace_id: task.workspaceId,
    workspace_name: ws?.name ?? "",
    ...(build ? { workspace_status: workspaceStatus(build) } : {}),
    ...(ws?.binding && ws.binding.buildNumber > 0 ? { workspace_build_number: ws.binding.buildNumber } : {}),
    workspace_agent_id: ws?.binding?.agentId ?? null,
    workspace_agent_lifecycle: agentBound?.lifecycle ?? null,
    workspace_agent_health: agentBound ? agentHealthJson(agentBound.healthy, agentBound.healthReason) : null,
    workspace_app_id: ws?.binding?.appId ?? null,
    initial_prompt: task.prompt,
    status,
    current_state: deriveCurrentState(ws, status, store.features.failedState),
    created_at: iso(task.createdAt),
    updated_at: iso(ws?.updatedAt ?? task.createdAt),
  };
}

export const JSON_TYPE = { "Content-Type": "application/json; charset=utf-8" };

const bytesCache = new WeakMap<Task, { revision: number; bytes: Uint8Array }>();
const encoder = new TextEncoder();

/**
 * A task's JSON as UTF-8, reused until its workspace changes. A 10,000-task list is mostly unchanged rows,
 * and encoding an 11 MB string per request would cost more than building it.
 */
export function taskJsonBytes(store: Store, task: Task): Uint8Array {
  const revision = store.workspaceOf(task)?.revision ?? -1;
  const cached = bytesCache.get(task);
  if (cached && cached.revision === revision) return cached.bytes;
  const bytes = encoder.encode(JSON.stringify(taskJson(store, task)));
  bytesCache.set(task, { revision, bytes });
  return bytes;
}

/**
 * A response body of bytes that are never changed afterwards, handed on as they are: a Response made from
 * a Uint8Array copies it, and copying 11 MB on every poll costs more than the rest of the answer.
 */
export function unchangingBody(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** `{"tasks":[…],"count":n}` from pre-encoded tasks. */
export function taskListBytes(tasks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [encoder.encode('{"tasks":[')];
  tasks.forEach((bytes, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytes);
  });
  parts.push(encoder.encode(`],"count":${tasks.length}}`));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const COMMA = encoder.encode(",");

function agentHealthJson(healthy: boolean, reason: string): Wire.AgentHealth {
  return healthy ? { healthy } : { healthy, reason };
}

export function userJson(user: User): Wire.User {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    avatar_url: user.avatarUrl,
    created_at: iso(user.createdAt),
    updated_at: iso(user.createdAt),
    last_seen_at: iso(user.createdAt),
    status: "active",
    login_type: "password",
    organization_ids: user.orgIds,
    // Site roles only: Coder leaves out the implicit member role and organization roles.
    roles: user.siteRoles.map((name) => ({ name, display_name: roleDisplayName(name), organization_id: "" })),
    has_ai_seat: true,
    theme_preference: "",
  };
}

function roleDisplayName(name: string): string {
  return name
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

export function organizationJson(org: Organization): Wire.Organization {
  return {
    id: org.id,
    name: org.name,
    display_name: org.displayName,
    description: org.description,
    icon: org.icon,
    created_at: iso(org.createdAt),
    updated_at: iso(org.createdAt),
    is_default: org.isDefault,
  };
}

export function templateJson(store: Store, template: Template): Wire.Template {
  const org = store.organizations.get(template.orgId);
  const creator = store.users.get(template.createdById);
  return {
    id: template.id,
    created_at: iso(template.createdAt),
    updated_at: iso(template.updatedAt),
    organization_id: template.orgId,
    organization_name: org?.name ?? "",
    organization_display_name: org?.displayName ?? "",
    organization_icon: org?.icon ?? "",
    name: template.name,
    display_name: template.displayName,
    provisioner: "terraform",
    active_version_id: template.activeVersionId,
    active_user_count: 0,
    build_time_stats: { start: { P50: 8000, P95: 15000 }, stop: { P50: 2000, P95: 4000 }, delete: { P50: 2000, P95: 4000 } },
    description: template.description,
    deprecated: template.deprecated,
    deprecation_message: "",
    icon: template.icon,
    default_ttl_ms: template.defaultTtlMs,
    activity_bump_ms: template.activityBumpMs,
    autostop_requirement: { days_of_week: [], weeks: 1 },
    autostart_requirement: { days_of_week: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] },
    created_by_id: template.createdById,
    created_by_name: creator?.username ?? "",
    allow_user_autostart: true,
    allow_user_autostop: true,
    allow_user_cancel_workspace_jobs: false,
    failure_ttl_ms: 0,
    time_til_dormant_ms: 0,
    time_til_dormant_autodelete_ms: 0,
    require_active_version: false,
    max_port_share_level: "owner",
    cors_behavior: "simple",
    use_classic_parameter_flow: false,
    disable_module_cache: false,
  };
}

export function templateVersionJson(store: Store, version: TemplateVersion): Wire.TemplateVersion {
  const creator = store.users.get(version.createdById);
  const template = store.templates.get(version.templateId);
  return {
    id: version.id,
    template_id: version.templateId,
    organization_id: version.orgId,
    created_at: iso(version.createdAt),
    updated_at: iso(version.createdAt),
    name: version.name,
    message: version.message,
    job: {
      id: version.id,
      created_at: iso(version.createdAt),
      started_at: iso(version.createdAt),
      completed_at: iso(version.createdAt),
      status: version.hasAiTask === null ? "running" : "succeeded",
      file_id: version.id,
      tags: { scope: "organization" },
      queue_position: 0,
      queue_size: 0,
      organization_id: version.orgId,
      type: "template_version_import",
      metadata: {
        template_version_name: version.name,
        template_id: version.templateId,
        template_name: template?.name ?? "",
        template_display_name: template?.displayName ?? "",
        template_icon: template?.icon ?? "",
      },
      logs_overflowed: false,
      input: { template_version_id: version.id },
    },
    readme: "",
    created_by: {
      id: version.createdById,
      username: creator?.username ?? "",
      name: creator?.name ?? "",
      avatar_url: creator?.avatarUrl ?? "",
    },
    archived: version.archived,
    warnings: [],
    matched_provisioners: { count: 1, available: 1 },
    has_external_agent: false,
  };
}

function appStatusJson(ws: Workspace, status: AppStatus): Wire.WorkspaceAppStatus {
  return {
    id: status.id,
    created_at: iso(status.createdAt),
    workspace_id: ws.id,
    agent_id: status.agentId,
    app_id: status.appId,
    state: status.state,
    message: status.message,
    uri: status.uri,
    icon: "",
    needs_user_attention: false,
  };
}

function appJson(ws: Workspace, app: App, displayName: string): Wire.WorkspaceApp {
  const statuses: Wire.WorkspaceAppStatus[] = [];
  for (let i = ws.appStatuses.length - 1; i >= 0; i--) {
    const status = ws.appStatuses[i] as AppStatus;
    if (status.appId === app.id) statuses.push(appStatusJson(ws, status));
  }
  return {
    id: app.id,
    url: "http://localhost:3284",
    external: false,
    slug: app.slug,
    display_name: displayName,
    subdomain: false,
    sharing_level: "owner",
    health: app.health,
    hidden: false,
    open_in: "slim-window",
    statuses,
  };
}

function agentJson(ws: Workspace, agent: Agent, app: App | null, resourceId: string, displayName: string): Wire.WorkspaceAgent {
  const connected = agent.lifecycle !== "created";
  return {
    id: agent.id,
    parent_id: null,
    created_at: iso(agent.createdAt),
    updated_at: iso(ws.updatedAt),
    ...(connected ? { first_connected_at: iso(agent.startedAt ?? agent.createdAt), last_connected_at: iso(ws.updatedAt) } : {}),
    ...(agentConnection(agent) === "disconnected" ? { disconnected_at: iso(ws.updatedAt) } : {}),
    ...(agent.startedAt !== null ? { started_at: iso(agent.startedAt) } : {}),
    ...(agent.readyAt !== null ? { ready_at: iso(agent.readyAt) } : {}),
    status: agentConnection(agent),
    lifecycle_state: agent.lifecycle,
    name: "main",
    resource_id: resourceId,
    architecture: "amd64",
    operating_system: "linux",
    logs_length: 0,
    logs_overflowed: false,
    log_sources: agentLogSources(agent),
    apps: app ? [appJson(ws, app, displayName)] : [],
    health: agentHealthJson(agent.healthy, agent.healthReason),
    display_apps: ["vscode", "web_terminal"],
    scripts: [],
  };
}

/**
 * What a finished build provisioned: a start build, the container with the agent and the home volume; a stop
 * build, the volume alone. Nothing while the job runs or after it failed.
 */
function resourcesJson(ws: Workspace, build: Build, appName: string): Wire.WorkspaceResource[] {
  if (build.jobStatus !== "succeeded" || build.transition === "delete") return [];
  const resource = (name: string, type: string, agents?: Wire.WorkspaceAgent[]): Wire.WorkspaceResource => ({
    id: stableUuid(`${build.id}:${name}`),
    created_at: iso(build.completedAt ?? build.createdAt),
    job_id: build.jobId,
    workspace_transition: build.transition,
    type,
    name,
    hide: false,
    icon: "",
    ...(agents ? { agents } : {}),
    daily_cost: 0,
  });
  const volume = resource("home", "docker_volume");
  if (build.transition === "stop" || build.agent === null) return [volume];
  const containerId = stableUuid(`${build.id}:workspace`);
  return [{ ...resource("workspace", "docker_container"), agents: [agentJson(ws, build.agent, build.app, containerId, appName)] }, volume];
}

/** codersdk.Workspace, as GET /workspaces/{id}, the by-name route and the list all build it. */
export function workspaceJson(store: Store, ws: Workspace): Wire.Workspace {
  const owner = store.users.get(ws.ownerId);
  const org = store.organizations.get(ws.orgId);
  const template = store.templates.get(ws.templateId);
  const build = latestWorkspaceBuild(ws);
  const latestStatus = ws.appStatuses[ws.appStatuses.length - 1];
  const agent = ws.agent;
  return {
    id: ws.id,
    created_at: iso(ws.createdAt),
    updated_at: iso(ws.updatedAt),
    owner_id: ws.ownerId,
    owner_name: owner?.username ?? "",
    owner_avatar_url: owner?.avatarUrl ?? "",
    organization_id: ws.orgId,
    organization_name: org?.name ?? "",
    template_id: ws.templateId,
    template_name: template?.name ?? "",
    template_display_name: template?.displayName ?? "",
    template_icon: template?.icon ?? "",
    template_allow_user_cancel_workspace_jobs: false,
    template_active_version_id: template?.activeVersionId ?? "",
    template_require_active_version: false,
    template_use_classic_parameter_flow: false,
    latest_build: workspaceBuildJson(store, ws, build),
    latest_app_status: latestStatus ? appStatusJson(ws, latestStatus) : null,
    task_id: ws.taskId,
    outdated: template !== undefined && build.templateVersionId !== template.activeVersionId,
    name: ws.name,
    ...(ws.ttlMs !== null ? { ttl_ms: ws.ttlMs } : {}),
    last_used_at: iso(ws.updatedAt),
    deleting_at: null,
    dormant_at: null,
    health: agent && !agent.healthy ? { healthy: false, failing_agents: [agent.id] } : { healthy: true, failing_agents: [] },
    automatic_updates: "never",
    allow_renames: false,
    favorite: false,
    next_start_at: null,
    is_prebuild: false,
  };
}

/** Every workspace has at least its first build: the task's create makes both together. */
function latestWorkspaceBuild(ws: Workspace): Build {
  const build = ws.builds[ws.builds.length - 1];
  if (!build) throw new Error(`workspace ${ws.id} has no build`);
  return build;
}

export function workspaceBuildJson(store: Store, ws: Workspace, build: Build): Wire.WorkspaceBuild {
  const owner = store.users.get(ws.ownerId);
  const initiator = store.users.get(build.initiatorId);
  const version = store.versions.get(build.templateVersionId);
  const template = store.templates.get(ws.templateId);
  const job: Wire.ProvisionerJob = {
    id: build.jobId,
    created_at: iso(build.createdAt),
    ...(build.startedAt !== null ? { started_at: iso(build.startedAt) } : {}),
    ...(build.completedAt !== null ? { completed_at: iso(build.completedAt) } : {}),
    ...(build.jobError ? { error: build.jobError } : {}),
    status: build.jobStatus,
    file_id: build.templateVersionId,
    tags: { scope: "organization" },
    queue_position: 0,
    queue_size: 0,
    organization_id: ws.orgId,
    initiator_id: build.initiatorId,
    input: { workspace_build_id: build.id },
    type: "workspace_build",
    metadata: {
      template_version_name: version?.name ?? "",
      template_id: ws.templateId,
      template_name: template?.name ?? "",
      template_display_name: template?.displayName ?? "",
      template_icon: template?.icon ?? "",
      workspace_id: ws.id,
      workspace_name: ws.name,
      workspace_build_transition: build.transition,
    },
    logs_overflowed: false,
  };
  return {
    id: build.id,
    created_at: iso(build.createdAt),
    updated_at: iso(build.updatedAt),
    workspace_id: ws.id,
    workspace_name: ws.name,
    workspace_owner_id: ws.ownerId,
    workspace_owner_name: owner?.username ?? "",
    workspace_owner_avatar_url: owner?.avatarUrl ?? "",
    template_version_id: build.templateVersionId,
    template_version_name: version?.name ?? "",
    build_number: build.number,
    transition: build.transition,
    initiator_id: build.initiatorId,
    initiator_name: initiator?.username ?? "",
    job,
    reason: build.reason,
    resources: resourcesJson(ws, build, template?.displayName ?? ""),
    deadline: build.deadline === null ? null : iso(build.deadline),
    max_deadline: null,
    status: workspaceStatus(build),
    daily_cost: 0,
    matched_provisioners: { count: 1, available: 1 },
    template_version_preset_id: build.presetId,
    has_ai_task: true,
    has_external_agent: false,
  };
}

/** GET /templateversions/{id}/external-auth: the version's providers, as `user` has them, linking to `origin`'s pages. */
export function externalAuthJson(store: Store, version: TemplateVersion, user: User, origin: string): Wire.TemplateVersionExternalAuth[] {
  return version.externalAuth.flatMap(({ providerId, optional }) => {
    const provider = store.externalAuthProviders.get(providerId);
    if (!provider) return [];
    return [
      {
        id: provider.id,
        type: provider.type,
        display_name: provider.displayName,
        display_icon: provider.displayIcon,
        authenticate_url: `${origin}/external-auth/${provider.id}`,
        authenticated: user.externalAuthLinks.has(provider.id),
        ...(optional ? { optional } : {}),
      },
    ];
  });
}

/** GET /buildinfo: the URLs are this server's own origin, as a deployment's are its access URL. */
export function buildInfoJson(origin: string, version: string): Wire.BuildInfo {
  return {
    external_url: origin,
    version,
    dashboard_url: origin,
    workspace_proxy: false,
    agent_api_version: "2.6",
    provisioner_api_version: "1.10",
    upgrade_message: "",
    deployment_id: "00000000-0000-4000-8000-00000000c0de",
    telemetry: false,
  };
}

export function authMethodsJson(): Wire.AuthMethods {
  return {
    terms_of_service_url: "",
    password: { enabled: true },
    github: { enabled: false, default_provider_configured: false },
    oidc: { enabled: false, signInText: "", iconUrl: "" },
  };
}

export function taskLogsJson(logs: Wire.TaskLogEntry[], snapshotAt?: number | null): Wire.TaskLogsResponse {
  if (snapshotAt === undefined) return { logs };
  return snapshotAt === null ? { logs, snapshot: true } : { logs, snapshot: true, snapshot_at: iso(snapshotAt) };
}
