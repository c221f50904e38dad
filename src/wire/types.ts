/**
 * Coder's JSON as it is on the wire (shared/reference: the x-note fields), not as the swagger claims. One
 * definition for both sides: the dashboard reads these types and the simulator writes them, so a shape that
 * drifts fails the type check. Types only, plus the value lists of Coder's enums.
 */

export const TASK_STATUSES = ["pending", "initializing", "active", "paused", "unknown", "error"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATES = ["working", "idle", "complete", "failed"] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** What an agent reports (PATCH /workspaceagents/me/app-status); the task API turns "failure" into "failed". */
export const APP_STATUS_STATES = ["working", "idle", "complete", "failure"] as const;
export type WorkspaceAppStatusState = (typeof APP_STATUS_STATES)[number];

export type AgentLifecycle =
  "created" | "starting" | "start_timeout" | "start_error" | "ready" | "shutting_down" | "shutdown_timeout" | "shutdown_error" | "off";

export type WorkspaceAppHealth = "disabled" | "initializing" | "healthy" | "unhealthy";

export type WorkspaceStatus =
  "pending" | "starting" | "running" | "stopping" | "stopped" | "failed" | "canceling" | "canceled" | "deleting" | "deleted";

export type WorkspaceTransition = "start" | "stop" | "delete";

export type ProvisionerJobStatus = "pending" | "running" | "succeeded" | "canceling" | "canceled" | "failed" | "unknown";

/** codersdk.BuildReason: far more than the three values the swagger lists. */
export type BuildReason =
  | "initiator"
  | "autostart"
  | "autostop"
  | "dormancy"
  | "dashboard"
  | "cli"
  | "ssh_connection"
  | "vscode_connection"
  | "jetbrains_connection"
  | "task_auto_pause"
  | "task_manual_pause"
  | "task_resume";

export interface TaskStateEntry {
  timestamp: string;
  /** v2.31 and older send an agent's failure as the app status's own "failure" (deployment reference §10). */
  state: TaskState | "failure";
  message: string;
  uri: string;
}

export interface AgentHealth {
  healthy: boolean;
  /** Omitted while healthy. */
  reason?: string;
}

export interface Task {
  id: string;
  organization_id: string;
  owner_id: string;
  owner_name: string;
  /** Omitted when empty. */
  owner_avatar_url?: string;
  name: string;
  display_name: string;
  template_id: string;
  template_version_id: string;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  /** uuid.NullUUID: a UUID string or null (older servers: {uuid, valid}; the client normalizes). */
  workspace_id: string | null;
  workspace_name: string;
  /** Omitted when there is no build. */
  workspace_status?: WorkspaceStatus;
  /** Omitted when zero. */
  workspace_build_number?: number;
  workspace_agent_id: string | null;
  workspace_agent_lifecycle: AgentLifecycle | null;
  workspace_agent_health: AgentHealth | null;
  workspace_app_id: string | null;
  initial_prompt: string;
  status: TaskStatus;
  current_state: TaskStateEntry | null;
  created_at: string;
  updated_at: string;
}

export interface TasksListResponse {
  tasks: Task[];
  count: number;
}

export interface TaskLogEntry {
  id: number;
  content: string;
  type: "input" | "output";
  time: string;
}

export interface TaskLogsResponse {
  logs: TaskLogEntry[];
  /** Omitted when false (a live log). */
  snapshot?: boolean;
  /** Omitted when there is no snapshot. */
  snapshot_at?: string;
}

export interface CreateTaskRequest {
  template_version_id: string;
  template_version_preset_id?: string;
  input: string;
  name?: string;
  display_name?: string;
}

export interface ProvisionerJobMetadata {
  template_version_name: string;
  template_id: string;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  workspace_id?: string;
  workspace_name?: string;
  workspace_build_transition?: WorkspaceTransition;
}

export interface ProvisionerJob {
  id: string;
  created_at: string;
  started_at?: string;
  completed_at?: string;
  canceled_at?: string;
  /** Omitted when empty. */
  error?: string;
  error_code?: "REQUIRED_TEMPLATE_VARIABLES" | "INSUFFICIENT_QUOTA";
  status: ProvisionerJobStatus;
  file_id: string;
  tags: Record<string, string>;
  queue_position: number;
  queue_size: number;
  organization_id: string;
  initiator_id?: string;
  input: { template_version_id?: string; workspace_build_id?: string; error?: string };
  type: "template_version_import" | "workspace_build" | "template_version_dry_run";
  metadata: ProvisionerJobMetadata;
  logs_overflowed: boolean;
}

export interface MatchedProvisioners {
  count: number;
  available: number;
  most_recently_seen?: string;
}

export interface WorkspaceBuild {
  id: string;
  created_at: string;
  updated_at: string;
  workspace_id: string;
  workspace_name: string;
  workspace_owner_id: string;
  workspace_owner_name: string;
  workspace_owner_avatar_url: string;
  template_version_id: string;
  template_version_name: string;
  build_number: number;
  transition: WorkspaceTransition;
  initiator_id: string;
  initiator_name: string;
  job: ProvisionerJob;
  /** Any codersdk.BuildReason, read as a string: a newer Coder may add more. */
  reason: BuildReason | (string & {});
  resources: WorkspaceResource[];
  /** When the workspace stops (a task pauses) unless activity moves it: null while building, for stop builds and without a TTL. */
  deadline: string | null;
  max_deadline: string | null;
  status: WorkspaceStatus;
  daily_cost: number;
  matched_provisioners: MatchedProvisioners;
  template_version_preset_id: string | null;
  has_ai_task: boolean;
  has_external_agent: boolean;
}

/** codersdk.WorkspaceAppStatus: one report of an app, as the `statuses` list and `latest_app_status` carry it. */
export interface WorkspaceAppStatus {
  id: string;
  created_at: string;
  workspace_id: string;
  agent_id: string;
  app_id: string;
  state: WorkspaceAppStatusState;
  message: string;
  /** Unvalidated: whatever the agent sent. */
  uri: string;
  /** Deprecated and no longer filled. */
  icon: string;
  needs_user_attention: boolean;
}

export interface WorkspaceApp {
  id: string;
  url?: string;
  external: boolean;
  slug: string;
  display_name: string;
  icon?: string;
  subdomain: boolean;
  subdomain_name?: string;
  sharing_level: "owner" | "authenticated" | "organization" | "public";
  health: WorkspaceAppHealth;
  hidden: boolean;
  open_in: "slim-window" | "tab";
  /** Every report ever stored for this app id, newest first, across builds. */
  statuses: WorkspaceAppStatus[];
}

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

/** codersdk.ProvisionerJobLog: one line of a build's log. A header line (a new stage) has empty output. */
export interface ProvisionerJobLog {
  id: number;
  created_at: string;
  log_source: "provisioner_daemon" | "provisioner";
  /** Read as a string: a newer Coder may add levels. */
  log_level: LogLevel | (string & {});
  stage: string;
  output: string;
}

/** codersdk.WorkspaceAgentLog: one line an agent's startup scripts printed; `source_id` is one of the agent's log_sources. */
export interface WorkspaceAgentLog {
  id: number;
  created_at: string;
  output: string;
  level: LogLevel | (string & {});
  source_id: string;
}

/** codersdk.ServerSentEvent: what watch-ws sends, a ping, a workspace, or an error Response. */
export type ServerSentEvent = { type: "ping"; data: null } | { type: "data"; data: Workspace } | { type: "error"; data: ErrorResponse };

export interface WorkspaceAgentLogSource {
  id: string;
  workspace_agent_id: string;
  created_at: string;
  display_name: string;
  icon: string;
}

export interface WorkspaceAgent {
  id: string;
  parent_id: string | null;
  created_at: string;
  updated_at: string;
  first_connected_at?: string;
  last_connected_at?: string;
  disconnected_at?: string;
  started_at?: string;
  ready_at?: string;
  status: "connecting" | "connected" | "disconnected" | "timeout";
  lifecycle_state: AgentLifecycle;
  name: string;
  resource_id: string;
  architecture: string;
  operating_system: string;
  logs_length: number;
  logs_overflowed: boolean;
  log_sources: WorkspaceAgentLogSource[];
  apps: WorkspaceApp[];
  health: AgentHealth;
  display_apps: string[];
  scripts: unknown[];
}

export interface WorkspaceResource {
  id: string;
  created_at: string;
  job_id: string;
  workspace_transition: WorkspaceTransition;
  type: string;
  name: string;
  hide: boolean;
  icon: string;
  agents?: WorkspaceAgent[];
  metadata?: { key: string; value: string; sensitive: boolean }[];
  daily_cost: number;
}

export interface WorkspaceHealth {
  healthy: boolean;
  failing_agents: string[];
}

/** codersdk.Workspace: what a task's workspace says beyond the task (build reason, deadline, job error, apps). */
export interface Workspace {
  id: string;
  created_at: string;
  updated_at: string;
  owner_id: string;
  owner_name: string;
  owner_avatar_url: string;
  organization_id: string;
  organization_name: string;
  template_id: string;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  template_allow_user_cancel_workspace_jobs: boolean;
  template_active_version_id: string;
  template_require_active_version: boolean;
  template_use_classic_parameter_flow: boolean;
  latest_build: WorkspaceBuild;
  /** The newest report of any app in any build, or null. */
  latest_app_status: WorkspaceAppStatus | null;
  /** Present since v2.28 as a UUID or null; older servers leave it out. */
  task_id?: string | null;
  outdated: boolean;
  name: string;
  autostart_schedule?: string;
  /** Omitted when no TTL applies. */
  ttl_ms?: number;
  last_used_at: string;
  deleting_at: string | null;
  dormant_at: string | null;
  health: WorkspaceHealth;
  automatic_updates: "always" | "never";
  allow_renames: boolean;
  favorite: boolean;
  next_start_at: string | null;
  is_prebuild: boolean;
}

export interface WorkspacesResponse {
  workspaces: Workspace[];
  /** Every match, not the page's length. */
  count: number;
}

/** codersdk.PauseTaskResponse and ResumeTaskResponse. */
export interface WorkspaceBuildResponse {
  workspace_build: WorkspaceBuild;
}

export interface SlimRole {
  name: string;
  display_name: string;
  organization_id: string;
}

export interface User {
  id: string;
  username: string;
  name: string;
  email: string;
  avatar_url: string;
  created_at: string;
  updated_at: string;
  last_seen_at: string;
  status: "active" | "suspended" | "dormant";
  login_type: "" | "password" | "github" | "oidc" | "token" | "none";
  organization_ids: string[];
  /** Site roles only: organization roles and the implicit member role are left out. */
  roles: SlimRole[];
  has_ai_seat: boolean;
  theme_preference: string;
  is_service_account?: boolean;
}

export interface UsersResponse {
  users: User[];
  count: number;
}

export interface Organization {
  id: string;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: string;
  updated_at: string;
  is_default: boolean;
}

/** Milliseconds at the 50th and 95th percentile; null (or absent) before a template has builds. */
export interface TransitionStats {
  P50: number | null;
  P95: number | null;
}

export interface Template {
  id: string;
  created_at: string;
  updated_at: string;
  organization_id: string;
  organization_name: string;
  organization_display_name: string;
  organization_icon: string;
  name: string;
  display_name: string;
  provisioner: "terraform";
  active_version_id: string;
  active_user_count: number;
  build_time_stats: Record<WorkspaceTransition, TransitionStats>;
  description: string;
  deprecated: boolean;
  deprecation_message: string;
  icon: string;
  default_ttl_ms: number;
  activity_bump_ms: number;
  autostop_requirement: { days_of_week: string[]; weeks: number };
  autostart_requirement: { days_of_week: string[] };
  created_by_id: string;
  created_by_name: string;
  allow_user_autostart: boolean;
  allow_user_autostop: boolean;
  allow_user_cancel_workspace_jobs: boolean;
  failure_ttl_ms: number;
  time_til_dormant_ms: number;
  time_til_dormant_autodelete_ms: number;
  require_active_version: boolean;
  max_port_share_level: "owner" | "authenticated" | "organization" | "public";
  cors_behavior: "simple" | "passthru";
  use_classic_parameter_flow: boolean;
  disable_module_cache: boolean;
}

export interface MinimalUser {
  id: string;
  username: string;
  name: string;
  avatar_url: string;
}

export interface TemplateVersion {
  id: string;
  template_id: string;
  organization_id: string;
  created_at: string;
  updated_at: string;
  name: string;
  message: string;
  job: ProvisionerJob;
  readme: string;
  created_by: MinimalUser;
  archived: boolean;
  warnings: string[];
  matched_provisioners: MatchedProvisioners;
  has_external_agent: boolean;
}

/** codersdk.Preset has no json tags, so its keys are PascalCase on the wire. */
export interface Preset {
  ID: string;
  Name: string;
  Parameters: { Name: string; Value: string }[] | null;
  Default: boolean;
  DesiredPrebuildInstances: number | null;
  Description: string;
  Icon: string;
}

export interface BuildInfo {
  external_url: string;
  version: string;
  dashboard_url: string;
  workspace_proxy: boolean;
  agent_api_version: string;
  provisioner_api_version: string;
  upgrade_message: string;
  deployment_id: string;
  telemetry: boolean;
  webpush_public_key?: string;
}

export interface AuthMethods {
  terms_of_service_url: string;
  password: { enabled: boolean };
  github: { enabled: boolean; default_provider_configured: boolean };
  oidc: { enabled: boolean; signInText: string; iconUrl: string };
}

export interface LoginWithPasswordResponse {
  session_token: string;
}

export interface ValidationError {
  field: string;
  detail: string;
}

/** codersdk.Response: the body of every Coder error (and of a few successes, such as logout). */
export interface ErrorResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

/** One question to POST /authcheck: may the caller do `action` to the objects `object` describes? */
export interface AuthorizationCheck {
  object: {
    /** Any codersdk.RBACResource; one the server does not know is simply false. */
    resource_type: string;
    /** "me" is the caller. */
    owner_id?: string;
    organization_id?: string;
    /** Only for workspace, template, user and group; at most 10 per request. */
    resource_id?: string;
    /** "In at least one organization"; not with organization_id. */
    any_org?: boolean;
  };
  /** Any RBAC action (read, create, update, delete, start, stop, application_connect, use, …). */
  action: string;
}

export interface AuthorizationRequest {
  checks: Record<string, AuthorizationCheck>;
}

/** Every key of the request, answered. */
export type AuthorizationResponse = Record<string, boolean>;

/** One external auth provider a template version needs, and whether the user has connected it. */
export interface TemplateVersionExternalAuth {
  id: string;
  type: string;
  display_name: string;
  display_icon: string;
  /** `<access URL>/external-auth/<id>`: a page of Coder's own UI, which needs the user's Coder browser session. */
  authenticate_url: string;
  authenticated: boolean;
  /** Omitted when false. */
  optional?: boolean;
}
