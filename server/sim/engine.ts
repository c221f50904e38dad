import { randomToken, randomUuid, type Random } from "./clock.ts";
import { replyScript, resumeScript, workScript, type Finish, type ScriptStep } from "./agent-script.ts";
import { latestBuild } from "./derive.ts";
import type { BuildReason } from "../../src/wire/types.ts";
import type { AppStatusState, Build, Task, Transition, Workspace } from "./model.ts";
import type { Scheduler } from "./scheduler.ts";
import type { Store } from "./store.ts";

/** How one start build will go. Drawn from the rates unless a caller (the seed, a test) fixes it. */
export interface Plan {
  build: "succeed" | "fail";
  agent: "ready" | "start_error" | "start_timeout" | "stuck";
  finish: Finish;
  pullRequest: boolean;
  /** What happens to a healthy task once the agent has finished its first piece of work. */
  /** "flaky": the agent cannot be reached for a minute and a half every ten minutes, looking healthy all along. */
  after: "none" | "unhealthy" | "agent-off" | "flaky";
}

export type NewTask = Pick<Task, "orgId" | "ownerId" | "name" | "displayName" | "prompt" | "templateVersionId" | "presetId">;

/** Probabilities of the unhappy paths, so every status and health shows up in a demo. */
export interface Rates {
  buildFailure: number;
  startError: number;
  startTimeout: number;
  unhealthy: number;
  failure: number;
  complete: number;
  pullRequest: number;
}

export const DEFAULT_RATES: Rates = {
  buildFailure: 0.05,
  startError: 0.03,
  startTimeout: 0.03,
  unhealthy: 0.04,
  failure: 0.1,
  complete: 0.3,
  pullRequest: 0.4,
};

export const CALM_RATES: Rates = {
  buildFailure: 0,
  startError: 0,
  startTimeout: 0,
  unhealthy: 0,
  failure: 0,
  complete: 0,
  pullRequest: 0,
};

/** Reports kept per workspace, newest; Coder keeps all of them. */
const MAX_APP_STATUSES = 1000;

/** Snapshots keep the last 30 messages, as Coder's shutdown script does. */
const SNAPSHOT_MESSAGES = 30;

/** Simulated durations of each phase, in milliseconds at SIM_SPEED=1. */
const PACE = {
  jobQueued: 1000,
  startJob: 3000,
  agentConnect: 1000,
  agentStartup: 2000,
  appStartup: 1500,
  stopQueued: 500,
  stopJob: 1500,
  afterWork: 6000,
  unreachableFor: 90_000,
  reachableFor: 510_000,
  /** CODER_AUTOBUILD_POLL_INTERVAL: the lifecycle executor looks for workspaces past their deadline this often. */
  autobuildPoll: 60_000,
};

const BUILD_ERRORS = [
  'terraform apply: error creating container: image "ghcr.io/acme/dev:latest" not found',
  "terraform apply: quota exceeded: the organization has no compute quota left",
];

export class Engine {
  constructor(
    private store: Store,
    readonly scheduler: Scheduler,
    private random: Random,
    private rates: Rates,
  ) {}

  now(): number {
    return this.scheduler.now();
  }

  randomPlan(): Plan {
    const r = this.rates;
    const roll = () => this.random();
    const finishRoll = roll();
    return {
      build: roll() < r.buildFailure ? "fail" : "succeed",
      agent: roll() < r.startError ? "start_error" : roll() < r.startTimeout ? "start_timeout" : "ready",
      finish: finishRoll < r.failure ? "failure" : finishRoll < r.failure + r.complete ? "complete" : "idle",
      pullRequest: roll() < r.pullRequest,
      after: roll() < r.unhealthy ? "unhealthy" : "none",
    };
  }

  /** Stores a new task and creates its workspace and first start build, as Coder's tasksCreate does. */
  createTask(fields: NewTask, initiatorId: string, plan: Plan = this.randomPlan()): { task: Task; ws: Workspace } {
    const task: Task = {
      ...fields,
      id: randomUuid(this.random),
      promptAtLastStart: "",
      createdAt: this.now(),
      deletedAt: null,
      workspaceId: null,
      conversation: { messages: [], nextId: 0, busy: false, generation: 0 },
      snapshot: null,
    };
    this.store.tasks.set(task.id, task);
    return { task, ws: this.createWorkspace(task, initiatorId, plan) };
  }

  /** Creates the task's workspace (named like the task) and its first start build. */
  private createWorkspace(task: Task, initiatorId: string, plan: Plan): Workspace {
    const version = this.store.versions.get(task.templateVersionId);
    const template = version ? this.store.templates.get(version.templateId) : undefined;
    const ws: Workspace = {
      id: randomUuid(this.random),
      taskId: task.id,
      name: task.name,
      ownerId: task.ownerId,
      orgId: task.orgId,
      templateId: version?.templateId ?? "",
      ttlMs: template?.defaultTtlMs ? template.defaultTtlMs : null,
      createdAt: this.now(),
      updatedAt: this.now(),
      builds: [],
      binding: null,
      agent: null,
      app: null,
      appId: null,
      appStatuses: [],
      deleted: false,
      revision: 0,
    };
    this.store.workspaces.set(ws.id, ws);
    task.workspaceId = ws.id;
    this.startBuild(task, ws, initiatorId, "initiator", plan);
    return ws;
  }

  startBuild(task: Task, ws: Workspace, initiatorId: string, reason: BuildReason, plan: Plan = this.randomPlan()): Build {
    const build = this.newBuild(task, ws, "start", reason, initiatorId, PACE.startJob);
    if (plan.build === "fail") build.failure = BUILD_ERRORS[Math.floor(this.random() * BUILD_ERRORS.length)] ?? "build failed";
    this.scheduler.after(PACE.jobQueued, () => {
      this.setJob(ws, build, "running");
      this.scheduler.after(PACE.startJob, () => {
        if (build.failure !== null) {
          build.jobError = build.failure;
          this.setJob(ws, build, "failed");
          return;
        }
        this.setJob(ws, build, "succeeded");
        if (ws.ttlMs !== null) {
          build.deadline = this.now() + this.scheduler.span(ws.ttlMs);
          this.watchDeadline(task, ws, build);
        }
        this.bootAgent(task, ws, build, plan);
      });
    });
    return build;
  }

  /** A stop build: the agent shuts down, uploads its snapshot, and the task ends up paused. */
  stopBuild(task: Task, ws: Workspace, initiatorId: string, reason: BuildReason): Build {
    return this.teardown(task, ws, "stop", reason, initiatorId);
  }

  deleteBuild(task: Task, ws: Workspace, initiatorId: string): Build {
    return this.teardown(task, ws, "delete", "initiator", initiatorId);
  }

  /** An app status report, from a simulated agent or from PATCH /workspaceagents/me/app-status. */
  reportAppStatus(ws: Workspace, state: AppStatusState, message: string, uri: string): void {
    if (ws.agent === null || ws.app === null) return;
    const previous = ws.appStatuses[ws.appStatuses.length - 1]?.state;
    if (state === "working" || previous === "working") this.bumpDeadline(ws);
    ws.appStatuses.push({
      id: randomUuid(this.random),
      agentId: ws.agent.id,
      appId: ws.app.id,
      state,
      message,
      uri,
      createdAt: this.now(),
    });
    // Coder keeps every report; a bound keeps an agent that reports in a loop from exhausting memory.
    if (ws.appStatuses.length > MAX_APP_STATUSES) ws.appStatuses.splice(0, ws.appStatuses.length - MAX_APP_STATUSES);
    const task = this.store.tasks.get(ws.taskId);
    if (task) task.conversation.busy = state === "working";
    this.touch(ws);
  }

  /**
   * Coder's ActivityBumpWorkspace after a task app report: once about 5 % of the bump has been used, the
   * deadline moves to a full bump from now. It never moves earlier.
   */
  private bumpDeadline(ws: Workspace): void {
    const build = latestBuild(ws);
    const template = this.store.templates.get(ws.templateId);
    if (!this.store.features.appStatusBumpsDeadline || !build || !template || template.activityBumpMs <= 0) return;
    if (build.transition !== "start" || build.jobStatus !== "succeeded" || build.deadline === null) return;
    const bump = this.scheduler.span(template.activityBumpMs);
    if (build.deadline - bump * 0.95 < this.now()) build.deadline = Math.max(build.deadline, this.now() + bump);
  }

  /**
   * The lifecycle executor, for one build: at its first poll past the deadline it stops the workspace with
   * the auto-pause reason, unless activity moved the deadline on or another build replaced this one.
   */
  private watchDeadline(task: Task, ws: Workspace, build: Build): void {
    if (build.deadline === null) return;
    const poll = this.scheduler.span(PACE.autobuildPoll);
    const due = build.deadline;
    this.scheduler.at(Math.ceil(due / poll) * poll, () => {
      if (!this.isCurrent(ws, build) || build.jobStatus !== "succeeded" || task.deletedAt !== null || build.deadline === null) return;
      if (build.deadline > this.now()) {
        this.watchDeadline(task, ws, build);
        return;
      }
      this.stopBuild(task, ws, ws.ownerId, this.store.features.autoPauseReason);
    });
  }

  appendMessage(task: Task, role: "user" | "agent", content: string): void {
    const conversation = task.conversation;
    conversation.messages.push({ id: conversation.nextId++, role, content, time: this.now() });
    const ws = this.store.workspaceOf(task);
    // The conversation lives in AgentAPI, inside the workspace: Coder publishes no workspace event for it.
    if (ws) this.touch(ws, false);
  }

  /** A follow-up while the agent is idle: AgentAPI posts it as a user message and the agent answers. */
  send(task: Task, ws: Workspace, input: string): void {
    this.appendMessage(task, "user", input);
    task.conversation.busy = true;
    this.play(task, ws, replyScript(input));
  }

  /** Stores the agent's conversation the way the log-snapshot endpoint does: one per task, overwritten. */
  storeSnapshot(task: Task, data: string): void {
    task.snapshot = { format: "agentapi", data, createdAt: this.now() };
  }

  private newBuild(task: Task, ws: Workspace, transition: Transition, reason: BuildReason, initiatorId: string, runFor: number): Build {
    const number = (latestBuild(ws)?.number ?? 0) + 1;
    const build: Build = {
      id: randomUuid(this.random),
      number,
      transition,
      reason,
      jobId: randomUuid(this.random),
      jobStatus: "pending",
      jobError: "",
      createdAt: this.now(),
      updatedAt: this.now(),
      startedAt: null,
      completedAt: null,
      initiatorId,
      templateVersionId: task.templateVersionId,
      presetId: task.presetId,
      deadline: null,
      failure: null,
      runFor: this.scheduler.span(runFor),
      logIdBase: this.store.nextLogIdBase(),
      agent: null,
      app: null,
      extraLogs: null,
    };
    ws.builds.push(build);
    // Coder's workspace builder upserts the binding with agent and app reset on every new build.
    ws.binding = { buildNumber: number, agentId: null, appId: null };
    this.touch(ws);
    return build;
  }

  private setJob(ws: Workspace, build: Build, status: Build["jobStatus"]): void {
    build.jobStatus = status;
    build.updatedAt = this.now();
    if (status === "running") build.startedAt = this.now();
    if (status === "succeeded" || status === "failed") build.completedAt = this.now();
    this.touch(ws);
  }

  private isCurrent(ws: Workspace, build: Build): boolean {
    return latestBuild(ws) === build;
  }

  private bootAgent(task: Task, ws: Workspace, build: Build, plan: Plan): void {
    const token = randomToken(this.random);
    const agentToken = `${token.id}${token.secret}`;
    ws.agent = {
      id: randomUuid(this.random),
      token: agentToken,
      lifecycle: "created",
      healthy: true,
      healthReason: "",
      reachable: true,
      createdAt: this.now(),
      startedAt: null,
      readyAt: null,
      outcome: plan.agent,
      startupFor: this.scheduler.span(PACE.agentStartup),
      logIdBase: this.store.nextLogIdBase(),
    };
    ws.appId ??= randomUuid(this.random);
    ws.app = { id: ws.appId, slug: "agentapi", health: "initializing" };
    ws.binding = { buildNumber: build.number, agentId: ws.agent.id, appId: ws.app.id };
    build.agent = ws.agent;
    build.app = ws.app;
    this.store.agentTokens.set(agentToken, ws.id);
    this.touch(ws);

    const agent = ws.agent;
    const app = ws.app;
    this.scheduler.after(PACE.agentConnect, () => {
      if (!this.isCurrent(ws, build)) return;
      agent.lifecycle = "starting";
      agent.startedAt = this.now();
      this.touch(ws);
      const outcome = plan.agent;
      if (outcome === "stuck") return;
      this.scheduler.after(PACE.agentStartup, () => {
        if (!this.isCurrent(ws, build)) return;
        agent.lifecycle = outcome;
        agent.readyAt = this.now();
        this.touch(ws);
        this.scheduler.after(PACE.appStartup, () => {
          if (!this.isCurrent(ws, build)) return;
          app.health = "healthy";
          this.touch(ws);
          this.beginWork(task, ws, build, plan);
        });
      });
    });
  }

  private beginWork(task: Task, ws: Workspace, build: Build, plan: Plan): void {
    const isNewPrompt = task.promptAtLastStart !== task.prompt;
    let steps: ScriptStep[];
    if (isNewPrompt) {
      task.promptAtLastStart = task.prompt;
      this.appendMessage(task, "user", task.prompt);
      task.conversation.busy = true;
      steps = workScript(task.prompt, this.random, plan.finish, plan.pullRequest);
    } else {
      steps = resumeScript();
    }
    const finished = this.play(task, ws, steps);
    if (plan.after === "none") return;
    if (plan.after === "flaky") {
      const agent = ws.agent;
      const flap = (reachable: boolean) => {
        if (!this.isCurrent(ws, build) || ws.agent !== agent || agent === null) return;
        agent.reachable = reachable;
        this.scheduler.after(reachable ? PACE.reachableFor : PACE.unreachableFor, () => flap(!reachable));
      };
      this.scheduler.after(finished + PACE.afterWork, () => flap(false));
      return;
    }
    this.scheduler.after(finished + PACE.afterWork, () => {
      if (!this.isCurrent(ws, build) || ws.agent === null || ws.app === null) return;
      if (plan.after === "unhealthy") {
        ws.app.health = "unhealthy";
        ws.agent.healthy = false;
        ws.agent.healthReason = "agent has lost connection";
      } else {
        ws.agent.lifecycle = "off";
        ws.agent.healthy = false;
        ws.agent.healthReason = "agent is not running";
      }
      task.conversation.generation++;
      this.touch(ws);
    });
  }

  /** Plays a script's steps one after another; returns the script's total duration. */
  private play(task: Task, ws: Workspace, steps: ScriptStep[]): number {
    const generation = task.conversation.generation;
    let at = 0;
    for (const step of steps) {
      at += step.delay;
      this.scheduler.after(at, () => {
        if (task.conversation.generation !== generation || task.deletedAt !== null) return;
        if (step.output !== undefined) this.appendMessage(task, "agent", step.output);
        if (step.status) this.reportAppStatus(ws, step.status.state, step.status.message, step.status.uri ?? "");
      });
    }
    return at;
  }

  private teardown(task: Task, ws: Workspace, transition: Transition, reason: BuildReason, initiatorId: string): Build {
    const build = this.newBuild(task, ws, transition, reason, initiatorId, PACE.stopJob);
    task.conversation.generation++;
    task.conversation.busy = false;
    this.scheduler.after(PACE.stopQueued, () => {
      this.setJob(ws, build, "running");
      if (ws.agent !== null) {
        ws.agent.lifecycle = "shutting_down";
        if (transition === "stop") this.uploadShutdownSnapshot(task);
      }
      this.scheduler.after(PACE.stopJob, () => {
        this.setJob(ws, build, "succeeded");
        if (ws.agent !== null) {
          this.store.agentTokens.delete(ws.agent.token);
          ws.agent.lifecycle = "off";
          ws.agent.healthy = false;
          ws.agent.healthReason = "agent is not running";
        }
        ws.agent = null;
        ws.app = null;
        if (transition === "delete") ws.deleted = true;
        this.touch(ws);
      });
    });
    return build;
  }

  private uploadShutdownSnapshot(task: Task): void {
    const messages = task.conversation.messages.slice(-SNAPSHOT_MESSAGES).map((m) => ({
      id: m.id,
      content: m.content,
      role: m.role,
      time: new Date(m.time).toISOString(),
    }));
    this.storeSnapshot(task, JSON.stringify({ messages }));
  }

  /** PATCH input: the new prompt reaches the agent on the next start build. */
  updatePrompt(task: Task, prompt: string): void {
    task.prompt = prompt;
    const ws = this.store.workspaceOf(task);
    if (ws) ws.revision++;
    this.store.revision++;
  }

  /** A task left the deployment: lists no longer show it. */
  forget(task: Task): void {
    task.deletedAt = this.now();
    task.snapshot = null;
    this.store.revision++;
  }

  private touch(ws: Workspace, publish = true): void {
    this.store.revision++;
    ws.updatedAt = this.now();
    ws.revision++;
    if (publish) this.store.publishWorkspace(ws.id);
  }
}
