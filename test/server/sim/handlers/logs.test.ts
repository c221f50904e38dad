import { describe, expect, it } from "vitest";
import { CALM_RATES } from "../../../../server/sim/simulator.ts";
import { isRefused, openSocket, type OpenedSocket } from "../../../support/sockets.ts";
import { createTask, startSim, TO_ACTIVE, TO_INITIALIZING, TO_PAUSED, type TestSim } from "../../../support/sim-server.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function workspaceOf(t: TestSim, taskId: string, as = "alice") {
  const task = (await t.as(as).get(`/api/v2/tasks/${as}/${taskId}`)).body;
  return (await t.as(as).get(`/api/v2/workspaces/${task.workspace_id}`)).body;
}

async function opened(url: string, options: Parameters<typeof openSocket>[1]): Promise<OpenedSocket> {
  const result = await openSocket(url, options);
  if (isRefused(result)) throw new Error(`refused: ${result.status} ${result.text}`);
  return result;
}

const tokenHeader = (t: TestSim, user = "alice") => ({ headers: { "Coder-Session-Token": t.as(user).token } });

describe("GET /workspacebuilds/{id}/logs", () => {
  it("answers nothing while the job is queued, then the provisioner's stages in order as the job runs", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const build = (await workspaceOf(t, task.id)).latest_build;
    const queued = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs`);
    expect(queued.status).toBe(200);
    expect(queued.body).toEqual([]);

    t.advance(TO_ACTIVE);
    const done = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs`);
    const stages = [...new Set(done.body.map((l: { stage: string }) => l.stage))];
    expect(stages).toEqual([
      "Setting up",
      "Parsing template parameters",
      "Detecting persistent resources",
      "Detecting ephemeral resources",
      "Planning infrastructure",
      "Starting workspace",
      "Cleaning Up",
    ]);
    expect(done.body[0]).toMatchObject({ log_source: "provisioner_daemon", log_level: "info", stage: "Setting up", output: "" });
    expect(done.body.map((l: { output: string }) => l.output)).toContain("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
    const ids = done.body.map((l: { id: number }) => l.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const after = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?after=${ids[4]}`);
    expect(after.body.map((l: { id: number }) => l.id)).toEqual(ids.slice(5));
    const text = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?format=text`);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text.text).toContain("Apply complete!");
  });

  it("ends a failing build's log with its error lines, and the job carries the error", async () => {
    const t = await startSim({ rates: { ...CALM_RATES, buildFailure: 1 } });
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE);
    const ws = await workspaceOf(t, task.id);
    expect(ws.latest_build.job.status).toBe("failed");
    const logs = (await t.as("alice").get(`/api/v2/workspacebuilds/${ws.latest_build.id}/logs`)).body;
    const errors = logs.filter((l: { log_level: string }) => l.log_level === "error");
    expect(errors[0].output).toBe(`Error: ${ws.latest_build.job.error}`);
    expect(errors.at(-1)).toMatchObject({ stage: "Cleaning Up", output: "exit status 1" });
  });

  it("refuses bad parameters and unknown builds with Coder's messages", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const build = (await workspaceOf(t, task.id)).latest_build;
    const badAfter = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?after=x`);
    expect(badAfter.status).toBe(400);
    expect(badAfter.body).toEqual({
      message: 'Query param "after" must be an integer.',
      validations: [{ field: "after", detail: 'Query param "after" must be an integer.' }],
    });
    const format = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?format=xml`);
    expect(format.body).toEqual({ message: "Invalid format parameter.", detail: 'Allowed values are "json" and "text".' });
    const textFollow = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?format=text&follow`);
    expect(textFollow.body).toEqual({ message: "Text format is not supported with follow mode." });
    expect((await t.as("alice").get(`/api/v2/workspacebuilds/nope/logs`)).body).toEqual({ message: 'Invalid UUID "nope".' });
    expect((await t.as("alice").get(`/api/v2/workspacebuilds/${UNKNOWN_ID}/logs`)).status).toBe(404);
    // bob cannot read alice's workspace, so its build does not exist for him.
    expect((await t.as("bob").get(`/api/v2/workspacebuilds/${build.id}/logs`)).status).toBe(404);
    const plainFollow = await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs?follow`);
    expect(plainFollow.status).toBe(426);
    expect(plainFollow.text).toBe('WebSocket protocol violation: Connection header "keep-alive" does not contain Upgrade');
  });

  it("with follow, streams the backlog then each line as it is written, and closes with 1000 when the job ends", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const build = (await workspaceOf(t, task.id)).latest_build;
    t.advance(TO_INITIALIZING + 1_500);
    const stream = await opened(`${t.url}/api/v2/workspacebuilds/${build.id}/logs?follow&after=-1`, tokenHeader(t));
    const backlog = await stream.next(1);
    expect(backlog[0]).toMatchObject({ stage: "Setting up" });
    const before = stream.messages.length;
    t.advance(TO_ACTIVE);
    expect(await stream.closed).toEqual({ code: 1000, reason: "done" });
    expect(stream.messages.length).toBeGreaterThan(before);
    expect(stream.messages.at(-1)).toMatchObject({ stage: "Cleaning Up" });
    const all = (await t.as("alice").get(`/api/v2/workspacebuilds/${build.id}/logs`)).body;
    expect(stream.messages).toEqual(all);
  });
});

describe("GET /workspaceagents/{id}/logs", () => {
  it("answers the startup scripts' output, each line from one of the agent's log sources", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE);
    const ws = await workspaceOf(t, task.id);
    const agent = ws.latest_build.resources[0].agents[0];
    expect(agent.log_sources.map((s: { display_name: string }) => s.display_name)).toEqual(["Startup Script", "Git Clone", "AgentAPI"]);
    const logs = await t.as("alice").get(`/api/v2/workspaceagents/${agent.id}/logs`);
    expect(logs.status).toBe(200);
    const sources = new Set(agent.log_sources.map((s: { id: string }) => s.id));
    expect(logs.body.length).toBeGreaterThan(5);
    for (const log of logs.body) expect(sources.has(log.source_id)).toBe(true);
    expect(logs.body.at(-1)).toMatchObject({ output: "Startup scripts finished", level: "info" });
  });

  it("shows a failing startup script's error", async () => {
    const t = await startSim({ rates: { ...CALM_RATES, startError: 1 } });
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE);
    const ws = await workspaceOf(t, task.id);
    const agent = ws.latest_build.resources[0].agents[0];
    expect(agent.lifecycle_state).toBe("start_error");
    const logs = (await t.as("alice").get(`/api/v2/workspaceagents/${agent.id}/logs`)).body;
    expect(logs.filter((l: { level: string }) => l.level === "error").map((l: { output: string }) => l.output)).toEqual([
      "setup-dev.sh: line 12: DATABASE_URL: unbound variable",
      "Script exited with code 1",
    ]);
  });

  it("refuses a negative `after` and an agent the caller cannot see", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE);
    const agentId = (await workspaceOf(t, task.id)).latest_build.resources[0].agents[0].id;
    const negative = await t.as("alice").get(`/api/v2/workspaceagents/${agentId}/logs?after=-1`);
    expect(negative.status).toBe(400);
    expect(negative.body.message).toBe('Query param "after" must be an integer greater than or equal to zero.');
    const hidden = await t.as("bob").get(`/api/v2/workspaceagents/${agentId}/logs`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ message: "Agent doesn't exist with that id, or you do not have access to it." });
  });

  it("with follow, sends batches (the backlog first) and closes once a new build replaces the agent", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    t.advance(TO_ACTIVE);
    const agentId = (await workspaceOf(t, task.id)).latest_build.resources[0].agents[0].id;
    const stream = await opened(`${t.url}/api/v2/workspaceagents/${agentId}/logs?follow`, tokenHeader(t));
    const [backlog] = await stream.next(1);
    expect(Array.isArray(backlog)).toBe(true);
    expect(backlog.at(-1).output).toBe("Startup scripts finished");
    expect((await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`)).status).toBe(202);
    t.advance(TO_PAUSED);
    await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`);
    expect((await stream.closed).code).toBe(1000);
  });
});

describe("GET /workspaces/{id}/watch-ws", () => {
  it("sends a ping, the workspace at once, then the workspace again on every event", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const stream = await opened(`${t.url}/api/v2/workspaces/${task.workspace_id}/watch-ws`, tokenHeader(t));
    const [ping, first] = await stream.next(2);
    expect(ping).toEqual({ type: "ping", data: null });
    expect(first).toMatchObject({ type: "data", data: { id: task.workspace_id, latest_build: { status: "pending" } } });
    t.advance(TO_INITIALIZING);
    const [, , next] = await stream.next(3);
    expect(next).toMatchObject({ type: "data", data: { latest_build: { status: "starting" } } });
    stream.socket.send("hello");
    expect(await stream.closed).toEqual({ code: 1002, reason: "Clients cannot send messages for one-way WebSockets" });
  });

  it("checks the session before the upgrade, and the Origin as coder/websocket does", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const url = `${t.url}/api/v2/workspaces/${task.workspace_id}/watch-ws`;
    const anonymous = await openSocket(url);
    expect(isRefused(anonymous) && anonymous.status).toBe(401);
    const hidden = await openSocket(url, tokenHeader(t, "bob"));
    expect(isRefused(hidden) && hidden.status).toBe(404);
    const elsewhere = await openSocket(url, { ...tokenHeader(t), origin: "https://evil.example" });
    expect(isRefused(elsewhere) && elsewhere).toMatchObject({
      status: 403,
      text: `request Origin "evil.example" is not authorized for Host "${new URL(t.url).host}"`,
    });
    const sameOrigin = await openSocket(url, { ...tokenHeader(t), origin: t.url });
    expect(isRefused(sameOrigin)).toBe(false);
    if (!isRefused(sameOrigin)) sameOrigin.socket.close();
  });
});

describe("GET /workspaces/{id}/watch", () => {
  it("serves the same events as server-sent events", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const controller = new AbortController();
    const response = await fetch(`${t.url}/api/v2/workspaces/${task.workspace_id}/watch`, {
      headers: { "Coder-Session-Token": t.as("alice").token },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: data")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text.startsWith("event: ping\n")).toBe(true);
    expect(text).toContain(`"id":"${task.workspace_id}"`);
    controller.abort();
  });
});
