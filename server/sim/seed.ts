import { createManualClock, randomUuid, pick, type Clock, type Random } from "./clock.ts";
import { latestBuild } from "./derive.ts";
import type { Engine, Plan } from "./engine.ts";
import { generateNames } from "./names.ts";
import type { SiteRole, Task, User, Workspace } from "./model.ts";
import { EXTERNAL_AUTH_PROVIDERS, ORGANIZATIONS, PASSWORD, PROMPTS, TEMPLATES, USERS } from "./seed-data.ts";
import type { Store } from "./store.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What happens to a seeded task after it is created, in simulated minutes from its creation. */
export interface TaskSpec {
  owner: string;
  template: string;
  prompt: string;
  /** How long before "now" the task was created. */
  age: number;
  plan: Plan;
  pauseAfter?: number;
  resumeAfter?: number;
  /** Each time its agent waits for input, the owner answers this long (ms) after the wait began, in turn. */
  answers?: number[];
  /** After the last answer's work, the agent reports this. */
  then?: "complete" | "failure";
}

const ok: Plan = { build: "succeed", agent: "ready", finish: "idle", pullRequest: false, after: "none" };
const plans = {
  idle: ok,
  idlePr: { ...ok, pullRequest: true },
  complete: { ...ok, finish: "complete", pullRequest: true },
  failed: { ...ok, finish: "failure" },
  buildFails: { ...ok, build: "fail" },
  startError: { ...ok, agent: "start_error" },
  startTimeout: { ...ok, agent: "start_timeout", finish: "complete" },
  stuck: { ...ok, agent: "stuck" },
  unhealthy: { ...ok, after: "unhealthy" },
  agentOff: { ...ok, after: "agent-off" },
  flaky: { ...ok, after: "flaky" },
} satisfies Record<string, Plan>;

/** About 40 tasks covering every status, health and state, for every user. */
function demoSpecs(): TaskSpec[] {
  const p = (i: number) => PROMPTS[i % PROMPTS.length] ?? "";
  const specs: TaskSpec[] = [];
  const add = (owner: string, template: string, age: number, plan: Plan, extra: Partial<TaskSpec> = {}) =>
    specs.push({ owner, template, prompt: p(specs.length), age, plan, ...extra });

  // At rest: idle and waiting for input, complete, failed, paused, errored, unknown.
  add("alice", "claude-code", 3 * DAY, plans.complete);
  add("alice", "claude-code", 2 * DAY, plans.idlePr, { pauseAfter: 30 * MINUTE });
  add("alice", "codex", 30 * HOUR, plans.failed);
  add("alice", "platform-agent", 20 * HOUR, plans.idle);
  add("alice", "claude-code", 9 * HOUR, plans.buildFails);
  add("alice", "claude-code", 6 * HOUR, plans.unhealthy);
  add("alice", "codex", 4 * HOUR, plans.idle, { pauseAfter: HOUR, resumeAfter: 2 * HOUR });
  add("alice", "claude-code", 2 * HOUR, plans.startTimeout);
  add("alice", "claude-code", 50 * MINUTE, plans.idlePr);
  add("bob", "claude-code", 3 * DAY, plans.idle, { pauseAfter: 2 * HOUR });
  add("bob", "codex", 40 * HOUR, plans.complete);
  add("bob", "claude-code", 26 * HOUR, plans.agentOff);
  add("bob", "claude-code", 10 * HOUR, plans.startError);
  add("bob", "claude-code", 5 * HOUR, plans.flaky);
  add("bob", "claude-code", 3 * HOUR, plans.failed);
  add("bob", "claude-code", 90 * MINUTE, plans.stuck);
  add("bob", "codex", 70 * MINUTE, plans.idlePr);
  add("olivia", "platform-agent", 2 * DAY, plans.complete);
  add("olivia", "platform-agent", 30 * HOUR, plans.idle, { pauseAfter: 20 * MINUTE });
  add("olivia", "platform-agent", 7 * HOUR, plans.buildFails);
  add("olivia", "platform-agent", 3 * HOUR, { ...plans.idlePr, after: "flaky" });
  add("admin", "claude-code", 4 * DAY, plans.complete);
  add("admin", "codex", 2 * DAY, plans.idle, { pauseAfter: 45 * MINUTE });
  add("admin", "platform-agent", 12 * HOUR, plans.unhealthy);
  add("admin", "claude-code", 8 * HOUR, plans.idlePr);
  add("admin", "claude-code", 100 * MINUTE, plans.agentOff);
  add("alice", "platform-agent", 36 * HOUR, plans.complete);
  add("bob", "claude-code", 16 * HOUR, plans.complete);
  add("olivia", "platform-agent", 9 * HOUR, plans.failed);
  add("admin", "codex", 20 * HOUR, plans.complete);
  // In motion when the simulator starts: these change while you watch.
  add("alice", "claude-code", 40_000, plans.idlePr);
  add("alice", "codex", 12_000, plans.complete);
  add("alice", "claude-code", 5_000, plans.idle);
  add("alice", "claude-code", 500, plans.idlePr);
  add("bob", "claude-code", 25_000, plans.idle);
  add("bob", "codex", 3_000, plans.failed);
  add("olivia", "platform-agent", 8_000, plans.idle);
  add("admin", "claude-code", 18_000, plans.complete);
  add("alice", "claude-code", 3 * HOUR, plans.idle, { pauseAfter: 3 * HOUR - 1_000 });
  add("bob", "codex", 2 * HOUR, plans.idle, { pauseAfter: 2 * HOUR - 200 });
  return specs;
}

const ANSWERS = ["Yes, go ahead", "Please also update the docs", "Looks good, open the pull request", "Use the existing helper instead"];

/**
 * Four weeks of history before the demo's last days: two tasks a day, each answered by its owner after known
 * waits, then finished, failed or left waiting; some fail to build or start. The insights page's numbers
 * follow from this table (tests read it).
 */
export function historySpecs(): TaskSpec[] {
  const owners = ["alice", "bob", "admin", "olivia"];
  const specs: TaskSpec[] = [];
  for (let day = 5; day <= 29; day++) {
    for (const slot of [0, 1]) {
      const n = day * 2 + slot;
      const owner = owners[n % owners.length] ?? "alice";
      const template = owner === "olivia" ? "platform-agent" : "claude-code";
      const age = day * DAY - (9 + slot * 5) * HOUR;
      const prompt = `Sprint ${12 - Math.floor(day / 7)}: ${PROMPTS[n % PROMPTS.length] ?? ""}`;
      if (n % 9 === 2) specs.push({ owner, template, prompt, age, plan: plans.buildFails });
      else if (n % 9 === 5) specs.push({ owner, template, prompt, age, plan: plans.startError });
      else if (n % 11 === 7) specs.push({ owner, template, prompt, age, plan: plans.startTimeout });
      else {
        const answers = [((n % 5) + 1) * 7 * MINUTE];
        if (n % 3 === 0) answers.push(((n % 4) + 1) * 13 * MINUTE);
        const then = n % 7 === 3 ? undefined : n % 6 === 1 ? "failure" : "complete";
        specs.push({ owner, template, prompt, age, plan: n % 13 === 4 ? plans.unhealthy : plans.idle, answers, then });
      }
    }
  }
  return specs;
}

/** SIM_TASKS=N: N tasks spread over 30 days, nearly all at rest, for scale tests. */
function bulkSpecs(count: number, random: Random, engine: Engine): TaskSpec[] {
  const owners = USERS.map((u) => u.username);
  const specs: TaskSpec[] = [];
  for (let i = 0; i < count; i++) {
    const owner = pick(random, owners);
    const template = owner === "olivia" ? "platform-agent" : pick(random, ["claude-code", "codex"]);
    const plan = engine.randomPlan();
    const pause = random() < 0.2;
    specs.push({
      owner,
      template,
      prompt: `${pick(random, PROMPTS)} (#${i + 1})`,
      age: Math.floor(random() * 30 * DAY) + MINUTE,
      plan,
      pauseAfter: pause ? 20 * MINUTE : undefined,
    });
  }
  return specs;
}

export interface SeedOptions {
  store: Store;
  engine: Engine;
  random: Random;
  /** The clock the scheduler reads; seeding swaps in a replay clock and hands back when done. */
  setClock: (clock: Clock) => void;
  clock: Clock;
  taskCount?: number;
  history: boolean;
}

export function seed({ store, engine, random, setClock, clock, taskCount, history }: SeedOptions): void {
  const now = clock.now();
  const replay = createManualClock(now - 31 * DAY);
  setClock(replay);
  const origin = replay.now();

  const orgIds = new Map<string, string>();
  for (const org of ORGANIZATIONS) {
    const id = randomUuid(random);
    orgIds.set(org.name, id);
    store.organizations.set(id, {
      id,
      name: org.name,
      displayName: org.displayName,
      description: "",
      icon: "",
      isDefault: org.isDefault,
      createdAt: origin,
    });
  }
  const orgId = (name: string) => orgIds.get(name) ?? "";

  for (const spec of USERS) {
    const id = randomUuid(random);
    const user: User = {
      id,
      username: spec.username,
      name: spec.name,
      email: `${spec.username}@example.com`,
      avatarUrl: "",
      password: PASSWORD,
      createdAt: origin,
      siteRoles: [...spec.siteRoles] as SiteRole[],
      orgIds: spec.orgs.map(orgId),
      orgAdminOf: spec.adminOf.map(orgId),
      externalAuthLinks: new Set(spec.github ? ["github"] : []),
    };
    store.users.set(id, user);
  }
  for (const provider of EXTERNAL_AUTH_PROVIDERS) store.externalAuthProviders.set(provider.id, { ...provider });
  const admin = store.userByUsername("admin");
  if (!admin) throw new Error("seed has no admin");

  for (const spec of TEMPLATES) {
    const templateId = randomUuid(random);
    let activeVersionId = "";
    spec.versions.forEach((name, index) => {
      const id = randomUuid(random);
      activeVersionId = id;
      store.versions.set(id, {
        id,
        templateId,
        orgId: orgId(spec.org),
        name,
        message: index === spec.versions.length - 1 ? "Current release" : "Previous release",
        hasAiTask: spec.hasAiTask,
        archived: false,
        createdAt: origin + index * DAY,
        createdById: admin.id,
        externalAuth: spec.externalAuth.map((auth) => ({ ...auth })),
        presets: spec.presets.map((preset) => ({
          ID: randomUuid(random),
          Name: preset.name,
          Parameters: Object.entries(preset.params).map(([Name, Value]) => ({ Name, Value })),
          Default: preset.isDefault,
          DesiredPrebuildInstances: null,
          Description: preset.description,
          Icon: "",
        })),
      });
    });
    store.templates.set(templateId, {
      id: templateId,
      orgId: orgId(spec.org),
      name: spec.name,
      displayName: spec.displayName,
      description: spec.description,
      icon: spec.icon,
      activeVersionId,
      createdAt: origin,
      updatedAt: origin,
      createdById: admin.id,
      deprecated: false,
      defaultTtlMs: spec.defaultTtlMs,
      activityBumpMs: spec.activityBumpMs,
    });
  }

  const specs = (
    taskCount === undefined ? [...(history ? historySpecs() : []), ...demoSpecs()] : bulkSpecs(taskCount, random, engine)
  ).sort((a, b) => b.age - a.age);
  for (const spec of specs) {
    replay.advance(Math.max(0, now - spec.age - replay.now()));
    engine.scheduler.runDue();
    createSeedTask(store, engine, random, spec);
  }
  replay.advance(Math.max(0, now - replay.now()));
  engine.scheduler.runDue();
  setClock(clock);
}

function createSeedTask(store: Store, engine: Engine, random: Random, spec: TaskSpec): void {
  const owner = store.userByUsername(spec.owner);
  const template = [...store.templates.values()].find((t) => t.name === spec.template);
  if (!owner || !template) throw new Error(`seed refers to unknown ${spec.owner}/${spec.template}`);
  const names = generateNames(spec.prompt, random);
  const { task, ws } = engine.createTask(
    {
      orgId: template.orgId,
      ownerId: owner.id,
      name: names.name,
      displayName: names.displayName,
      prompt: spec.prompt,
      templateVersionId: template.activeVersionId,
      presetId: store.versions.get(template.activeVersionId)?.presets.find((p) => p.Default)?.ID ?? null,
    },
    owner.id,
    spec.plan,
  );
  // A task its template's TTL already paused is not paused again, and only a paused one is resumed.
  if (spec.pauseAfter !== undefined) {
    engine.scheduler.after(spec.pauseAfter, () => {
      if (latestBuild(ws)?.transition === "start") engine.stopBuild(task, ws, owner.id, "task_manual_pause");
    });
  }
  if (spec.answers !== undefined) answer(engine, task, ws, spec.answers, spec.then);
  if (spec.resumeAfter !== undefined) {
    engine.scheduler.after(spec.resumeAfter, () => {
      if (latestBuild(ws)?.transition === "stop") engine.startBuild(task, ws, owner.id, "task_resume", { ...spec.plan, after: "none" });
    });
  }
}

/** Time enough for a start build, the agent's startup and a piece of work to end in a report. */
const SETTLE_MS = 60_000;

/** The owner answers the waiting agent `waits[0]` after its wait began, then the next wait, and so on. */
function answer(engine: Engine, task: Task, ws: Workspace, waits: number[], then: TaskSpec["then"]): void {
  const [wait, ...rest] = waits;
  if (wait === undefined) {
    if (then) engine.scheduler.after(SETTLE_MS, () => engine.reportAppStatus(ws, then, then === "complete" ? "Finished" : "Blocked", ""));
    return;
  }
  engine.scheduler.after(SETTLE_MS, () => {
    const last = ws.appStatuses[ws.appStatuses.length - 1];
    if (last?.state !== "idle") return;
    engine.scheduler.at(last.createdAt + wait, () => {
      if (latestBuild(ws)?.transition !== "start" || task.conversation.busy) return;
      engine.send(task, ws, ANSWERS[waits.length % ANSWERS.length] ?? "");
      answer(engine, task, ws, rest, then);
    });
  });
}
