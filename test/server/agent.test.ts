import { describe, expect, it } from "vitest";
import { fetchReply, idleTask, startSim, type TestSim } from "./helpers.ts";

async function agentToken(t: TestSim, taskId: string): Promise<string> {
  const reply = await t.as("admin").get(`/sim/tasks/${taskId}/agent-token`);
  expect(reply.status).toBe(200);
  return reply.body.token;
}

function asAgent(t: TestSim, token: string, method: string, path: string, body: unknown) {
  return fetchReply(t.url + path, {
    method,
    headers: { "Coder-Session-Token": token, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

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
});
