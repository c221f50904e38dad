/** Coder's JSON as it is on the wire (see shared/reference: the x-note fields), not as the swagger claims. */

export type TaskStatus = "pending" | "initializing" | "active" | "paused" | "unknown" | "error";

export type TaskState = "working" | "idle" | "complete" | "failed";

export type AgentLifecycle =
  | "created"
  | "starting"
  | "start_timeout"
  | "start_error"
  | "ready"
  | "shutting_down"
  | "shutdown_timeout"
  | "shutdown_error"
  | "off";

export type WorkspaceStatus =
  | "pending"
  | "starting"
  | "running"
  | "stopping"
  | "stopped"
  | "failed"
  | "canceling"
  | "canceled"
  | "deleting"
  | "deleted";

export interface TaskStateEntry {
  timestamp: string;
  state: TaskState;
  message: string;
  uri: string;
}

export interface AgentHealth {
  healthy: boolean;
  reason?: string;
}

export interface Task {
  id: string;
  organization_id: string;
  owner_id: string;
  owner_name: string;
  owner_avatar_url?: string;
  name: string;
  display_name: string;
  template_id: string;
  template_version_id: string;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  workspace_id: string | null;
  workspace_name: string;
  workspace_status?: WorkspaceStatus;
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
  snapshot?: boolean;
  snapshot_at?: string;
}

export interface CreateTaskRequest {
  template_version_id: string;
  template_version_preset_id?: string;
  input: string;
  name?: string;
  display_name?: string;
}

export interface ProvisionerJob {
  id: string;
  status: "pending" | "running" | "succeeded" | "canceling" | "canceled" | "failed" | "unknown";
  error?: string;
}

export interface WorkspaceBuild {
  id: string;
  build_number: number;
  transition: "start" | "stop" | "delete";
  status: WorkspaceStatus;
  /** Any codersdk.BuildReason, e.g. task_manual_pause or task_resume, not only the three swagger lists. */
  reason: string;
  job: ProvisionerJob;
  created_at: string;
}

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
  status: "active" | "suspended" | "dormant";
  organization_ids: string[];
  roles: SlimRole[];
  created_at: string;
}

export interface UsersResponse {
  users: User[];
  count: number;
}

export interface Organization {
  id: string;
  name: string;
  display_name: string;
  icon: string;
  is_default: boolean;
}

export interface Template {
  id: string;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  organization_id: string;
  organization_name: string;
  active_version_id: string;
  deprecated: boolean;
}

export interface TemplateVersion {
  id: string;
  template_id: string;
  name: string;
  message: string;
  archived: boolean;
  created_at: string;
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
  version: string;
  external_url: string;
  dashboard_url: string;
}

export interface AuthMethods {
  password: { enabled: boolean };
  github: { enabled: boolean };
  oidc: { enabled: boolean; signInText: string; iconUrl: string };
}

export interface ValidationError {
  field: string;
  detail: string;
}

/** codersdk.Response: the body of every Coder error. */
export interface ErrorResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}
