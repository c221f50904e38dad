import { describe, expect, it } from "vitest";
import {
  agentToken,
  asAgent,
  createTask,
  startSim,
  T0,
  TO_ACTIVE,
  TO_IDLE_AFTER_ACTIVE,
  TO_PAUSED,
  type TestSim,
} from "../../support/sim-server.ts";

const MINUTE = 60_000;
/** The start build's job finishes 4 s after create (queued 1 s, job 3 s). */
const BUILT = T0 + 4_000;

async function workspace(t: TestSim, id: string) {
  const reply = await t.as("alice").get(`/api/v2/workspaces/${id}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function report(t: TestSim, token: string, state: string) {
  const reply = await asAgent(t, token, "PATCH", "/api/v2/workspaceagents/me/app-status", { app_slug: "agentapi", state, message: state });
  expect(reply.status).toBe(200);
}

/** Moves the clock to an absolute time after T0. */
const at = (t: TestSim, time: number) => t.advance(time - t.sim.clock.now());

describe("auto-pause: deadlines from the template's TTL, bumped by the agent, enforced by the lifecycle executor", () => {
  it("gives a codex task a deadline 20 minutes after its build and pauses it at the executor's next poll after", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Fix the failing tests in auth", { template: "codex" });
    const templates = (await t.as("alice").get("/api/v2/templates")).body;
    expect(templates.find((x: { name: string }) => x.name === "codex")).toMatchObject({
      default_ttl_ms: 20 * MINUTE,
      activity_bump_ms: 10 * MINUTE,
    });

    const building = await workspace(t, task.workspace_id);
    expect(building.latest_build.deadline).toBeNull();
    expect(building.ttl_ms).toBe(20 * MINUTE);
    t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE);
    const idle = await workspace(t, task.workspace_id);
    // The agent's reports came well before 95 % of the bump was left, so they did not move it.
    expect(idle.latest_build.deadline).toBe(new Date(BUILT + 20 * MINUTE).toISOString());
    expect(idle.latest_build.max_deadline).toBeNull();

    at(t, T0 + 20 * MINUTE + 30_000);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body.status).toBe("active");
    at(t, T0 + 21 * MINUTE);
    const stopping = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`);
    expect(stopping.body.status).toBe("unknown");
    t.advance(TO_PAUSED);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body.status).toBe("paused");

    const builds = (await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}/builds`)).body;
    expect(builds[0]).toMatchObject({
      build_number: 2,
      transition: "stop",
      reason: "task_auto_pause",
      initiator_name: "alice",
      deadline: null,
      created_at: new Date(T0 + 21 * MINUTE).toISOString(),
    });
    // The shutdown uploaded the conversation, as a manual pause does.
    const logs = (await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`)).body;
    expect(logs.snapshot).toBe(true);
  });

  it("bumps on working reports and on the first report that leaves working, once 5 % of the bump is used", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Fix the failing tests in auth", { template: "codex" });
    t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE);
    const token = await agentToken(t, task.id);
    const deadline = async () => (await workspace(t, task.workspace_id)).latest_build.deadline;

    at(t, T0 + 15 * MINUTE);
    await report(t, token, "working");
    expect(await deadline()).toBe(new Date(T0 + 25 * MINUTE).toISOString());
    // 30 s later less than 5 % of the bump is used: no change.
    at(t, T0 + 15 * MINUTE + 20_000);
    await report(t, token, "working");
    expect(await deadline()).toBe(new Date(T0 + 25 * MINUTE).toISOString());

    at(t, T0 + 22 * MINUTE);
    await report(t, token, "idle");
    expect(await deadline()).toBe(new Date(T0 + 32 * MINUTE).toISOString());
    at(t, T0 + 23 * MINUTE);
    await report(t, token, "idle");
    expect(await deadline()).toBe(new Date(T0 + 32 * MINUTE).toISOString());

    at(t, T0 + 31 * MINUTE + 59_000);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body.status).toBe("active");
    at(t, T0 + 32 * MINUTE);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body.status).toBe("unknown");
  });

  it("gives a resumed task a new deadline from its new build", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Fix the failing tests in auth", { template: "codex" });
    at(t, T0 + 21 * MINUTE + TO_PAUSED);
    const resumed = await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/resume`);
    expect(resumed.status).toBe(202);
    t.advance(4_000);
    const ws = await workspace(t, task.workspace_id);
    expect(ws.latest_build).toMatchObject({ build_number: 3, reason: "task_resume" });
    expect(ws.latest_build.deadline).toBe(new Date(t.sim.clock.now() + 20 * MINUTE).toISOString());
  });

  it("never pauses a task whose template has no TTL", async () => {
    const t = await startSim();
    const task = await createTask(t, "olivia", "Rotate the staging certificates", { template: "platform-agent" });
    t.advance(TO_ACTIVE);
    const ws = (await t.as("olivia").get(`/api/v2/workspaces/${task.workspace_id}`)).body;
    expect(ws.latest_build.deadline).toBeNull();
    expect(ws).not.toHaveProperty("ttl_ms");
    // Less than a day, so the session token (24 h) still works.
    t.advance(20 * 60 * MINUTE);
    expect((await t.as("olivia").get(`/api/v2/tasks/olivia/${task.id}`)).body.status).toBe("active");
  });

  it("runs faster with SIM_SPEED: a codex task pauses after about two minutes at speed 10", async () => {
    const t = await startSim({ speed: 10 });
    const task = await createTask(t, "alice", "Fix the failing tests in auth", { template: "codex" });
    t.advance(2 * MINUTE + 10_000);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body.status).toMatch(/unknown|paused/);
  });

  it.each([
    ["v2.31.1", "task_auto_pause", true],
    ["v2.30.2", "autostop", true],
    ["v2.29.0", "autostop", false],
  ])("on %s pauses with reason %s (app reports bump: %s)", async (version, reason, bumps) => {
    const t = await startSim({ version });
    const task = await createTask(t, "alice", "Fix the failing tests in auth", { template: "codex" });
    t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE);
    const token = await agentToken(t, task.id);
    at(t, T0 + 15 * MINUTE);
    await report(t, token, "working");
    const expected = bumps ? T0 + 25 * MINUTE : BUILT + 20 * MINUTE;
    expect((await workspace(t, task.workspace_id)).latest_build.deadline).toBe(new Date(expected).toISOString());
    at(t, T0 + 26 * MINUTE);
    const builds = (await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}/builds`)).body;
    expect(builds[0]).toMatchObject({ transition: "stop", reason });
  });

  it("seeds tasks that paused themselves, beside ones paused by hand", async () => {
    const t = await startSim();
    const reasons = [...t.sim.store.workspaces.values()].map((ws) => ws.builds[ws.builds.length - 1]?.reason);
    expect(reasons).toContain("task_auto_pause");
    expect(reasons).toContain("task_manual_pause");
  });
});
