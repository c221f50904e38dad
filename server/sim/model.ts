import type {
  AgentLifecycle,
  BuildReason,
  Preset,
  ProvisionerJobStatus,
  WorkspaceAppHealth,
  WorkspaceAppStatusState,
  WorkspaceTransition,
} from "../../src/wire/types.ts";

/** The simulator's internal records. Wire shapes live in wire.ts; these hold what the wire is derived from. */

export type SiteRole = "owner" | "auditor" | "template-admin" | "user-admin";

export interface Organization {
  id: string;
  name: string;
  displayName: string;
  description: string;
  icon: string;
  isDefault: boolean;
  createdAt: number;
}

export interface User {
  id: string;
  username: string;
  name: string;
  email: string;
  avatarUrl: string;
  password: string;
  createdAt: number;
  siteRoles: SiteRole[];
  /** Organizations the user belongs to, and the subset where they are an organization admin. */
  orgIds: string[];
  orgAdminOf: string[];
  /** External auth providers (by id) the user has linked, as after Coder's OAuth flow. */
  externalAuthLinks: Set<string>;
}

/** An external auth provider configured on the deployment (CODER_EXTERNAL_AUTH_*). */
export interface ExternalAuthProvider {
  id: string;
  type: string;
  displayName: string;
  displayIcon: string;
}

export interface ApiKey {
  id: string;
  secret: string;
  userId: string;
  expiresAt: number;
}

export interface Template {
  id: string;
  orgId: string;
  name: string;
  displayName: string;
  description: string;
  icon: string;
  activeVersionId: string;
  createdAt: number;
  updatedAt: number;
  createdById: string;
  deprecated: boolean;
  /** A new workspace's time to live: its start build's deadline is that long after the build; 0 = never. */
  defaultTtlMs: number;
  /** How far app activity pushes the deadline out (activity_bump_ms). */
  activityBumpMs: number;
}

export interface TemplateVersion {
  id: string;
  templateId: string;
  orgId: string;
  name: string;
  message: string;
  /** null while the import is still running, as in Coder. */
  hasAiTask: boolean | null;
  archived: boolean;
  createdAt: number;
  createdById: string;
  presets: Preset[];
  /** The coder_external_auth data sources of the version: provider id, and whether the template marks it optional. */
  externalAuth: { providerId: string; optional: boolean }[];
}

export type Transition = WorkspaceTransition;
/** A simulated job is never "unknown": that is Coder's answer for a job it cannot read. */
export type JobStatus = Exclude<ProvisionerJobStatus, "unknown">;
export type AppStatusState = WorkspaceAppStatusState;

export interface Build {
  id: string;
  number: number;
  transition: Transition;
  reason: BuildReason;
  jobId: string;
  jobStatus: JobStatus;
  jobError: string;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  initiatorId: string;
  templateVersionId: string;
  presetId: string | null;
  /** When the lifecycle executor stops the workspace: set as a start build's job succeeds, if a TTL applies. */
  deadline: number | null;
  /** The error the job will fail with, decided when it is queued (its log leads up to it); null: it succeeds. */
  failure: string | null;
  /** How long the job runs once started, on the simulator's clock: its log is spread over that span. */
  runFor: number;
  /** Log ids of this job are above this (build-log.ts). */
  logIdBase: number;
  /** A start build's agent and chat app, kept after the build is replaced, as Coder keeps their rows. */
  agent: Agent | null;
  app: App | null;
  /** Lines a simulator control appended to the log (for scale tests), all written at `at`. */
  extraLogs: { count: number; at: number; stage: string; output: string } | null;
}

export interface Agent {
  id: string;
  token: string;
  lifecycle: AgentLifecycle;
  healthy: boolean;
  healthReason: string;
  /** Whether coderd can dial the agent over the tailnet: send and live logs wait 30 s and fail when not. */
  reachable: boolean;
  createdAt: number;
  /** When the startup scripts began and when they finished (ready, or an error or timeout). */
  startedAt: number | null;
  readyAt: number | null;
  /** How the startup scripts end, which decides what they print (build-log.ts). */
  outcome: "ready" | "start_error" | "start_timeout" | "stuck";
  /** How long the startup scripts run, on the simulator's clock. */
  startupFor: number;
  logIdBase: number;
}

export interface App {
  id: string;
  slug: string;
  health: WorkspaceAppHealth;
}

export interface AppStatus {
  id: string;
  agentId: string;
  appId: string;
  state: AppStatusState;
  message: string;
  uri: string;
  createdAt: number;
}

/**
 * The newest task/workspace binding: Coder resets agent and app to NULL on every new build and the
 * provisioner fills them in when the job finishes.
 */
export interface Binding {
  buildNumber: number;
  agentId: string | null;
  appId: string | null;
}

export interface Workspace {
  id: string;
  taskId: string;
  name: string;
  ownerId: string;
  orgId: string;
  templateId: string;
  /** The workspace's TTL, taken from the template's default when the task creates it; null = none. */
  ttlMs: number | null;
  createdAt: number;
  updatedAt: number;
  builds: Build[];
  binding: Binding | null;
  agent: Agent | null;
  app: App | null;
  /** The chat app's id: Terraform state keeps a coder_app's id from build to build, so its reports add up. */
  appId: string | null;
  /** Every report of the workspace's apps, oldest first. */
  appStatuses: AppStatus[];
  deleted: boolean;
  /** Bumped on every change to the workspace or its task, so serialized task JSON can be reused until then. */
  revision: number;
}

export interface Message {
  id: number;
  role: "user" | "agent";
  content: string;
  time: number;
}

/** What AgentAPI inside the workspace holds: the live conversation and whether the agent is busy. */
export interface Conversation {
  messages: Message[];
  nextId: number;
  busy: boolean;
  /** Bumped when a build stops the agent, so steps of an interrupted script do nothing. */
  generation: number;
}

export interface Snapshot {
  format: "agentapi";
  data: string;
  createdAt: number;
}

export interface Task {
  id: string;
  orgId: string;
  ownerId: string;
  name: string;
  displayName: string;
  prompt: string;
  /** The prompt the agent last started on, so a resume after an edit starts work on the new one. */
  promptAtLastStart: string;
  templateVersionId: string;
  presetId: string | null;
  createdAt: number;
  deletedAt: number | null;
  workspaceId: string | null;
  conversation: Conversation;
  snapshot: Snapshot | null;
}
