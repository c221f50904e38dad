import { describe, expect, it } from "vitest";
import { CALM_RATES } from "../../../server/sim/simulator.ts";
import { createTask, idleTask, startSim, TO_ACTIVE, TO_IDLE_AFTER_ACTIVE, TO_PAUSED, type TestSim } from "../../support/sim-server.ts";

async function read(t: TestSim, who: string, task: { owner_name: string; id: string }) {
  return (await t.as(who).get(`/api/v2/tasks/${task.owner_name}/${task.id}`)).body;
}

describe("the lifecycle engine on the injected clock", () => {
  it("goes pending → initializing (with Coder's synthetic states) → active → working → idle", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Fix the failing tests in auth");
    const seen: [string, string | null, string | null][] = [];
    const snap = async () => {
      const now = await read(t, "alice", task);
      seen.push([now.status, now.current_state?.message ?? null, now.workspace_agent_lifecycle]);
    };
    await snap();
    for (const step of [1_000, 3_000, 1_000, 2_000, 1_500, 500]) {
      t.advance(step);
      await snap();
    }
    expect(seen).toEqual([
      ["pending", null, null],
      ["initializing", "Workspace is starting", null],
      ["initializing", "Agent is connecting", "created"],
      ["initializing", "Agent is starting", "starting"],
      ["initializing", "App is initializing", "ready"],
      ["active", null, "ready"],
      ["active", "Reading the repository", "ready"],
    ]);
    t.advance(TO_IDLE_AFTER_ACTIVE);
    const idle = await read(t, "alice", task);
    expect(idle.current_state).toMatchObject({ state: "idle", message: "Waiting for your answer", uri: "" });
  });

  it("is active within about 10 s and has agent output within 5 s of that", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    t.advance(10_000);
    expect((await read(t, "alice", task)).status).toBe("active");
    t.advance(5_000);
    const logs = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`);
    expect(logs.body.logs.some((entry: { type: string }) => entry.type === "output")).toBe(true);
  });

  it("runs faster with SIM_SPEED", async () => {
    const t = await startSim({ speed: 4 });
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE / 4);
    expect((await read(t, "alice", task)).status).toBe("active");
  });

  it("pauses through unknown to paused, keeping the last state and a snapshot of the last 30 messages", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("admin").send("POST", `/sim/tasks/${task.id}/messages`, { role: "agent", content: "Line", count: 40 });
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    expect((await read(t, "alice", task)).status).toBe("unknown");
    t.advance(TO_PAUSED);
    const paused = await read(t, "alice", task);
    expect(paused).toMatchObject({
      status: "paused",
      workspace_status: "stopped",
      workspace_agent_lifecycle: null,
      workspace_build_number: 2,
    });
    expect(paused.current_state.state).toBe("idle");
    const logs = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`);
    expect(logs.body.snapshot).toBe(true);
    expect(logs.body.logs).toHaveLength(30);
    expect(logs.body.logs.at(-1).content).toBe("Line 40");
    expect(Date.parse(logs.body.snapshot_at)).toBeGreaterThan(0);
  });

  it("resumes: the snapshot is served while starting, then the agent picks the conversation up", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    t.advance(TO_PAUSED);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/resume`);
    const starting = await read(t, "alice", task);
    expect(starting.status).toBe("pending");
    // The idle state from before the new start build is stale, so there is none until the agent reports.
    expect(starting.current_state).toBeNull();
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`)).body.snapshot).toBe(true);
    t.advance(TO_ACTIVE + 1_000);
    const resumed = await read(t, "alice", task);
    expect(resumed.status).toBe("active");
    expect(resumed.current_state).toMatchObject({ state: "idle", message: "Resumed: waiting for your next message" });
  });

  it("works on an edited prompt after resume", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    t.advance(TO_PAUSED);
    const edit = await t.as("alice").send("PATCH", `/api/v2/tasks/alice/${task.id}/input`, { input: "Now fix the flaky ones too" });
    expect(edit.status).toBe(204);
    expect((await read(t, "alice", task)).initial_prompt).toBe("Now fix the flaky ones too");
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/resume`);
    t.advance(TO_ACTIVE + 1_000);
    const logs = (await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`)).body.logs;
    expect(logs.filter((e: { type: string }) => e.type === "input").map((e: { content: string }) => e.content)).toEqual([
      "Fix the failing tests in auth",
      "Now fix the flaky ones too",
    ]);
  });

  it("answers a message sent while idle, and refuses another while it works", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const path = `/api/v2/tasks/alice/${task.id}`;
    expect((await t.as("alice").send("POST", `${path}/send`, { input: "Also update the changelog" })).status).toBe(204);
    t.advance(500);
    expect((await read(t, "alice", task)).current_state.state).toBe("working");
    expect((await t.as("alice").send("POST", `${path}/send`, { input: "and more" })).status).toBe(409);
    t.advance(3_000);
    expect((await read(t, "alice", task)).current_state.state).toBe("idle");
    const logs = (await t.as("alice").get(`${path}/logs`)).body.logs;
    expect(logs.at(-2)).toMatchObject({ type: "input", content: "Also update the changelog" });
    expect(logs.at(-1).type).toBe("output");
    expect(logs.map((e: { id: number }) => e.id)).toEqual(logs.map((_: unknown, i: number) => i));
  });

  it("shows failed builds, start errors, unhealthy apps and PR links", async () => {
    const failing = await startSim({ rates: { ...CALM_RATES, buildFailure: 1 } });
    const broken = await createTask(failing, "alice");
    failing.advance(4_000);
    expect(await read(failing, "alice", broken)).toMatchObject({ status: "error", workspace_status: "failed" });

    const startError = await startSim({ rates: { ...CALM_RATES, startError: 1 } });
    const se = await createTask(startError, "alice");
    startError.advance(TO_ACTIVE);
    expect(await read(startError, "alice", se)).toMatchObject({ status: "active", workspace_agent_lifecycle: "start_error" });

    const sick = await startSim({ rates: { ...CALM_RATES, unhealthy: 1 } });
    const ill = await createTask(sick, "alice");
    sick.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE + 6_000);
    expect(await read(sick, "alice", ill)).toMatchObject({
      status: "error",
      workspace_agent_health: { healthy: false, reason: "agent has lost connection" },
    });

    const pr = await startSim({ rates: { ...CALM_RATES, pullRequest: 1, complete: 1 } });
    const done = await createTask(pr, "alice");
    pr.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE + 2_000);
    const finished = await read(pr, "alice", done);
    expect(finished.current_state.state).toBe("complete");
    expect(finished.current_state.uri).toMatch(/^https:\/\/github\.com\/acme\/[a-z-]+\/pull\/\d+$/);
  });

  it("deletes at once: gone from get and list while the delete build runs", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    expect((await t.as("alice").send("DELETE", `/api/v2/tasks/alice/${task.id}`)).status).toBe(202);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).status).toBe(404);
    const list = (await t.as("alice").get("/api/v2/tasks")).body.tasks;
    expect(list.some((x: { id: string }) => x.id === task.id)).toBe(false);
  });

  it("is deterministic: the same seed and clock give the same deployment", async () => {
    const a = await startSim();
    const b = await startSim();
    const listA = (await a.as("admin").get("/api/v2/tasks")).body;
    const listB = (await b.as("admin").get("/api/v2/tasks")).body;
    expect(listA).toEqual(listB);
  });
});

describe("finding tasks and who may act on them", () => {
  it("finds a task by id or by name (case-insensitive), and by id under any {user}", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "x", { name: "Find-Me" });
    for (const path of [`alice/${task.id}`, "alice/find-me", "alice/FIND-ME", `me/${task.id}`, `bob/${task.id}`]) {
      const reply = await t.as("alice").get(`/api/v2/tasks/${path}`);
      expect(reply.status, path).toBe(200);
      expect(reply.body.id).toBe(task.id);
    }
    expect((await t.as("alice").get("/api/v2/tasks/bob/find-me")).status).toBe(404);
    expect((await t.as("alice").get("/api/v2/tasks/nobody/find-me")).status).toBe(404);
  });

  it("hides other members' tasks behind 404 on every route", async () => {
    const t = await startSim();
    const task = await idleTask(t, "alice");
    const base = `/api/v2/tasks/alice/${task.id}`;
    const bob = t.as("bob");
    const replies = [
      await bob.get(base),
      await bob.get(`${base}/logs`),
      await bob.send("POST", `${base}/send`, { input: "hi" }),
      await bob.send("POST", `${base}/pause`),
      await bob.send("POST", `${base}/resume`),
      await bob.send("PATCH", `${base}/input`, { input: "x" }),
      await bob.send("DELETE", base),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(404);
      expect(reply.body.message).toBe("Resource not found or you do not have access to this resource");
    }
  });

  it("lets an org admin manage tasks in their organization but not send to them or read live logs", async () => {
    const t = await startSim();
    const version = (await t.as("alice").get("/api/v2/templates")).body.find(
      (x: { name: string }) => x.name === "platform-agent",
    ).active_version_id;
    const created = await t
      .as("alice")
      .send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "Rotate the staging certs" });
    const task = created.body;
    t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE);
    const base = `/api/v2/tasks/alice/${task.id}`;
    const olivia = t.as("olivia");
    expect((await olivia.get(base)).status).toBe(200);
    expect((await olivia.send("POST", `${base}/send`, { input: "hi" })).status).toBe(404);
    expect((await olivia.get(`${base}/logs`)).status).toBe(404);
    expect((await olivia.send("POST", `${base}/pause`)).status).toBe(202);
    t.advance(TO_PAUSED);
    // Snapshots need only read access.
    const snapshot = await olivia.get(`${base}/logs`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.snapshot).toBe(true);
    // The site owner can do everything.
    expect((await t.as("admin").send("POST", `${base}/resume`)).status).toBe(202);
  });

  it("requires input for send and PATCH input, trimming only for PATCH", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const base = `/api/v2/tasks/alice/${task.id}`;
    const empty = await t.as("alice").send("POST", `${base}/send`, { input: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe("Task input is required.");
    expect((await t.as("alice").send("POST", `${base}/send`, { input: "   " })).status).toBe(204);
    const blank = await t.as("alice").send("PATCH", `${base}/input`, { input: "  \n " });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toBe("Task input is required.");
  });

  it("serves an empty snapshot when there is none yet", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const reply = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`);
    expect(reply.body).toEqual({ logs: [], snapshot: true });
  });
});

describe("broken snapshots", () => {
  it.each([
    ["not JSON", "{", "Internal error decoding snapshot data."],
    ["no messages", '{"notes":[]}', "Invalid snapshot data."],
    ["an unknown role", '{"messages":[{"id":1,"content":"x","role":"system","time":""}]}', "Invalid snapshot data."],
  ])("answers a snapshot with %s with a 500", async (_name, data, message) => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    t.advance(TO_PAUSED);
    t.sim.engine.scheduler.runDue();
    const stored = t.sim.store.tasks.get(task.id);
    if (stored?.snapshot) stored.snapshot.data = data;
    const reply = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`);
    expect(reply.status).toBe(500);
    expect(reply.body.message).toBe(message);
  });
});
