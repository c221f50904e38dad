import type * as Wire from "../../src/wire/types.ts";
import { deriveCurrentState, deriveStatus, iso, workspaceStatus } from "./derive.ts";
import type { Build, Organization, Task, Template, TemplateVersion, User, Workspace } from "./model.ts";
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
    default_ttl_ms: 0,
    activity_bump_ms: 3600000,
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
    resources: [],
    status: workspaceStatus(build),
    daily_cost: 0,
    matched_provisioners: { count: 1, available: 1 },
    template_version_preset_id: build.presetId,
    has_ai_task: true,
    has_external_agent: false,
  };
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
