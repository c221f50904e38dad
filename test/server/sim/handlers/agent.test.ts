import { describe, expect, it } from "vitest";
import { agentToken, asAgent, idleTask, startSim } from "../../../support/sim-server.ts";

describe("PATCH /workspaceagents/me/app-status", () => {
  it("becomes the task's current_state, with failure shown as failed and the uri stored unvalidated", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const token = await agentToken(t, task.id);
    const reply = await asAgent(t, token, "PATCH", "/api/v2/workspaceagents/me/app-status", {
      app_slug: "agentapi",
      state: "failure",
      message: "Gave up\u0007 politely",
      uri: "javascript:alert(1)",
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe("");
    const now = (await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`)).body;
    expect(now.current_state).toMatchObject({ state: "failed", message: "Gave up politely", uri: "javascript:alert(1)" });
  });

  it.each([
    [
      { app_slug: "agentapi", state: "sleeping" },
      400,
      "Invalid state provided.",
      { field: "state", detail: "State must be one of: complete, failure, working, idle." },
    ],
    [
      { app_slug: "agentapi", state: "idle", message: "x".repeat(161) },
      400,
      "Message is too long.",
      { field: "message", detail: "Message must be less than 160 characters." },
    ],
    [{ app_slug: "vscode", state: "idle" }, 400, "Failed to get workspace app.", undefined],
  ])("refuses %j", async (body, status, message, validation) => {
    const t = await startSim();
    const task = await idleTask(t);
    const reply = await asAgent(t, await agentToken(t, task.id), "PATCH", "/api/v2/workspaceagents/me/app-status", body);
    expect(reply.status).toBe(status);
    expect(reply.body.message).toBe(message);
    if (validation) expect(reply.body.validations).toEqual([validation]);
  });

  it("refuses a user's session token in place of the agent's", async () => {
    const t = await startSim();
    const reply = await asAgent(t, t.as("alice").token, "PATCH", "/api/v2/workspaceagents/me/app-status", {
      app_slug: "agentapi",
      state: "idle",
    });
    expect(reply.status).toBe(401);
  });
});

describe("POST /workspaceagents/me/tasks/{task}/log-snapshot", () => {
  const path = (id: string, query = "?format=agentapi") => `/api/v2/workspaceagents/me/tasks/${id}/log-snapshot${query}`;

  it("stores the snapshot that paused tasks serve", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const token = await agentToken(t, task.id);
    const messages = [{ id: 7, content: "Uploaded by the agent", role: "agent", time: "2026-11-22T12:00:00Z" }];
    expect((await asAgent(t, token, "POST", path(task.id), { messages })).status).toBe(204);
    // Stored as sent, one per task: a paused task's logs are read from it.
    const snapshot = t.sim.store.tasks.get(task.id)?.snapshot;
    expect(JSON.parse(snapshot?.data ?? "{}")).toEqual({ messages });
  });

  it.each([
    ["not-a-uuid", "?format=agentapi", {}, 400, "Invalid task ID format."],
    ["TASK", "", {}, 400, "Invalid query parameters."],
    ["TASK", "?format=text", {}, 400, "Invalid format parameter."],
    [
      "00000000-0000-4000-8000-000000000000",
      "?format=agentapi",
      { messages: [] },
      404,
      "Resource not found or you do not have access to this resource",
    ],
    ["TASK", "?format=agentapi", "{nope", 400, "Failed to decode request payload."],
    ["TASK", "?format=agentapi", { notes: [] }, 400, "Invalid agentapi payload structure."],
    ["TASK", "?format=agentapi", { messages: ["x".repeat(70 * 1024)] }, 400, "Failed to decode request payload."],
  ])("refuses task %s%s", async (id, query, body, status, message) => {
    const t = await startSim();
    const task = await idleTask(t);
    const reply = await asAgent(t, await agentToken(t, task.id), "POST", path(id === "TASK" ? task.id : id, query), body);
    expect(reply.status).toBe(status);
    expect(reply.body.message).toBe(message);
  });

  it("refuses another workspace's task", async () => {
    const t = await startSim();
    const mine = await idleTask(t, "alice");
    const theirs = await idleTask(t, "bob");
    const reply = await asAgent(t, await agentToken(t, mine.id), "POST", path(theirs.id), { messages: [] });
    expect(reply.status).toBe(404);
  });
});

describe("the /sim control API", () => {
  it("is for the site owner only", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    expect((await t.as("alice").get(`/sim/tasks/${task.id}/agent-token`)).status).toBe(403);
    expect((await t.anonymous.send("POST", "/sim/clock/advance", { ms: 1 })).status).toBe(401);
  });

  it("appends messages as the agent or the user", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("admin").send("POST", `/sim/tasks/${task.id}/messages`, { role: "user", content: "<b>not html</b>" });
    const logs = (await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`)).body.logs;
    expect(logs.at(-1)).toMatchObject({ type: "input", content: "<b>not html</b>" });
    const bad = await t.as("admin").send("POST", `/sim/tasks/${task.id}/messages`, { role: "robot", content: 1 });
    expect(bad.status).toBe(400);
  });

  it("advances the clock", async () => {
    const t = await startSim();
    const before = t.sim.clock.now();
    const reply = await t.as("admin").send("POST", "/sim/clock/advance", { ms: 60_000 });
    expect(reply.status).toBe(200);
    expect(t.sim.clock.now()).toBe(before + 60_000);
    expect((await t.as("admin").send("POST", "/sim/clock/advance", { ms: -5 })).status).toBe(400);
  });

  it("refuses an absurd clock jump in Coder's shape and keeps answering", async () => {
    const t = await startSim();
    const before = t.sim.clock.now();
    for (const ms of [1e300, Number.MAX_SAFE_INTEGER, 366 * 24 * 3600 * 1000]) {
      const reply = await t.as("admin").send("POST", "/sim/clock/advance", { ms });
      expect(reply.status).toBe(400);
      expect(reply.body.message).toBe("Validation failed.");
      expect(reply.body.validations[0].field).toBe("ms");
    }
    const typed = await t.as("admin").send("POST", "/sim/clock/advance", { ms: "soon" });
    expect(typed.status).toBe(400);
    expect(typed.body).toEqual({
      message: "Request body must be valid JSON.",
      detail: "json: cannot unmarshal string into Go struct field SimClockAdvanceRequest.ms of type float64",
    });
    expect(t.sim.clock.now()).toBe(before);
    const list = await t.as("admin").get("/api/v2/tasks");
    expect(list.status).toBe(200);
    expect(list.body.count).toBeGreaterThan(0);
  });

  it("checks message input before changing anything", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const path = `/sim/tasks/${task.id}/messages`;
    const count = () => t.sim.store.tasks.get(task.id)?.conversation.messages.length;
    await t.as("alice").get("/api/v2/tasks");
    const before = count();
    const tooMany = await t.as("admin").send("POST", path, { role: "agent", content: "x", count: 100_001 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.validations).toEqual([{ field: "count", detail: "count must be a whole number from 1 to 100000" }]);
    const tooBig = await t.as("admin").send("POST", path, { role: "agent", content: "x".repeat(1000), count: 20_000 });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.validations[0].field).toBe("count");
    const fraction = await t.as("admin").send("POST", path, { role: "agent", content: "x", count: 1.5 });
    expect(fraction.body.detail).toBe("json: cannot unmarshal number 1.5 into Go struct field SimMessagesRequest.count of type int64");
    const badId = await t.as("admin").send("POST", "/sim/tasks/not-a-uuid/messages", { role: "agent", content: "x" });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toBe('Invalid UUID "not-a-uuid".');
    const unknown = await t
      .as("admin")
      .send("POST", "/sim/tasks/00000000-0000-4000-8000-000000000000/messages", { role: "agent", content: "x" });
    expect(unknown.status).toBe(404);
    expect(count()).toBe(before);
  });
});
