import { describe, expect, it } from "vitest";
import { createTask, idleTask, startSim, TO_ACTIVE, TO_PAUSED } from "../../../support/sim-server.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("GET /workspaces/{workspace}", () => {
  it("answers the task's workspace: build, agent, chat app and every report newest first", async () => {
    const t = await startSim();
    const created = await idleTask(t);
    const task = (await t.as("alice").get(`/api/v2/tasks/alice/${created.id}`)).body;
    const reply = await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const ws = reply.body;
    expect(ws).toMatchObject({
      id: task.workspace_id,
      name: task.workspace_name,
      owner_name: "alice",
      organization_name: "coder",
      template_name: "claude-code",
      task_id: task.id,
      ttl_ms: 24 * 3_600_000,
      outdated: false,
      health: { healthy: true, failing_agents: [] },
      latest_build: { build_number: 1, transition: "start", status: "running", reason: "initiator", job: { status: "succeeded" } },
    });
    const [container, volume] = ws.latest_build.resources;
    expect(volume).toMatchObject({ type: "docker_volume", name: "home" });
    expect(volume).not.toHaveProperty("agents");
    const agent = container.agents[0];
    expect(agent).toMatchObject({
      id: task.workspace_agent_id,
      status: "connected",
      lifecycle_state: "ready",
      health: { healthy: true },
      resource_id: container.id,
    });
    expect(agent.log_sources[0]).toMatchObject({ workspace_agent_id: agent.id, display_name: "Startup Script" });
    const app = agent.apps[0];
    expect(app).toMatchObject({ id: task.workspace_app_id, slug: "agentapi", health: "healthy" });
    const times = app.statuses.map((s: { created_at: string }) => Date.parse(s.created_at));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(app.statuses[0]).toMatchObject({
      state: "idle",
      app_id: app.id,
      agent_id: agent.id,
      workspace_id: ws.id,
      icon: "",
      needs_user_attention: false,
    });
    expect(ws.latest_app_status).toEqual(app.statuses[0]);
  });

  it("keeps the chat app's id across builds, so its reports add up, and shows no agent while paused", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const before = (await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}`)).body;
    const appId = before.latest_build.resources[0].agents[0].apps[0].id;
    const reports = before.latest_build.resources[0].agents[0].apps[0].statuses.length;
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    t.advance(TO_PAUSED);
    const paused = (await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}`)).body;
    expect(paused.latest_build).toMatchObject({ transition: "stop", status: "stopped", reason: "task_manual_pause", deadline: null });
    expect(paused.latest_build.resources.map((r: { type: string }) => r.type)).toEqual(["docker_volume"]);
    expect(paused.latest_app_status).toEqual(before.latest_app_status);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/resume`);
    t.advance(TO_ACTIVE + 5_000);
    const resumed = (await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}`)).body;
    const app = resumed.latest_build.resources[0].agents[0].apps[0];
    expect(app.id).toBe(appId);
    expect(app.statuses.length).toBeGreaterThan(reports);
  });

  it.each([
    ["not-a-uuid", "alice", 400, 'Invalid UUID "not-a-uuid".'],
    [UNKNOWN_ID, "alice", 404, "Resource not found or you do not have access to this resource"],
  ])("answers %s for %s with %i", async (id, who, status, message) => {
    const t = await startSim();
    const reply = await t.as(who).get(`/api/v2/workspaces/${id}`);
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual({ message });
  });

  it("hides others' workspaces with a 404, except from a site owner and the organization's admin", async () => {
    const t = await startSim();
    const coderTask = await createTask(t, "alice");
    const platformTask = await createTask(t, "alice", "Rotate the staging certificates", { template: "platform-agent" });
    expect((await t.as("bob").get(`/api/v2/workspaces/${coderTask.workspace_id}`)).status).toBe(404);
    expect((await t.as("olivia").get(`/api/v2/workspaces/${coderTask.workspace_id}`)).status).toBe(404);
    expect((await t.as("olivia").get(`/api/v2/workspaces/${platformTask.workspace_id}`)).status).toBe(200);
    expect((await t.as("admin").get(`/api/v2/workspaces/${coderTask.workspace_id}`)).status).toBe(200);
  });

  it("answers 410 for a deleted workspace unless include_deleted is set, and 400 for a bad boolean", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("DELETE", `/api/v2/tasks/alice/${task.id}`);
    t.advance(TO_PAUSED);
    const gone = await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({
      message: `Workspace "${task.workspace_id}" was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.`,
    });
    const shown = await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}?include_deleted=true`);
    expect(shown.status).toBe(200);
    expect(shown.body.latest_build).toMatchObject({ transition: "delete", status: "deleted" });
    const bad = await t.as("alice").get(`/api/v2/workspaces/${task.workspace_id}?include_deleted=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      message: 'Invalid boolean value "maybe" for "include_deleted" query param.',
      validations: [{ field: "deleted", detail: "Must be a valid boolean" }],
    });
  });
});

describe("GET /users/{user}/workspace/{workspacename}", () => {
  it("finds the workspace by owner and name, ignoring case", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const reply = await t.as("alice").get(`/api/v2/users/me/workspace/${task.workspace_name.toUpperCase()}`);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(task.workspace_id);
    expect((await t.as("admin").get(`/api/v2/users/alice/workspace/${task.workspace_name}`)).body.id).toBe(task.workspace_id);
  });

  it("answers 404, never 410, for a deleted one, and names include_deleted in a bad boolean's validation", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("DELETE", `/api/v2/tasks/alice/${task.id}`);
    t.advance(TO_PAUSED);
    expect((await t.as("alice").get(`/api/v2/users/alice/workspace/${task.workspace_name}`)).status).toBe(404);
    expect((await t.as("alice").get(`/api/v2/users/alice/workspace/${task.workspace_name}?include_deleted=true`)).status).toBe(200);
    const bad = await t.as("alice").get(`/api/v2/users/alice/workspace/${task.workspace_name}?include_deleted=2`);
    expect(bad.status).toBe(400);
    expect(bad.body.validations).toEqual([{ field: "include_deleted", detail: "Must be a valid boolean" }]);
    expect((await t.as("bob").get(`/api/v2/users/alice/workspace/${task.workspace_name}`)).status).toBe(404);
  });
});

describe("GET /workspaces", () => {
  it("lists what the caller may read, running ones first, with the full count beside a page", async () => {
    const t = await startSim();
    const all = await t.as("alice").get("/api/v2/workspaces");
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(all.body.workspaces.length);
    expect(all.body.workspaces.every((ws: { owner_name: string }) => ws.owner_name === "alice")).toBe(true);
    const running = all.body.workspaces.map((ws: { latest_build: { status: string } }) => ws.latest_build.status === "running");
    expect(running.indexOf(false)).toBeGreaterThan(0);
    expect(running.slice(running.indexOf(false))).not.toContain(true);

    const page = await t.as("alice").get("/api/v2/workspaces?limit=2&offset=1");
    expect(page.body.count).toBe(all.body.count);
    expect(page.body.workspaces.map((ws: { id: string }) => ws.id)).toEqual(
      all.body.workspaces.slice(1, 3).map((ws: { id: string }) => ws.id),
    );
    const everyone = await t.as("admin").get("/api/v2/workspaces?q=owner:alice");
    expect(everyone.body.count).toBe(all.body.count);
  });

  it("filters by q: ids in one round trip, status, template, has-ai-task, owner/name", async () => {
    const t = await startSim();
    const a = await createTask(t, "alice");
    const b = await createTask(t, "alice", "Write unit tests for the currency module");
    const byId = await t.as("alice").get(`/api/v2/workspaces?q=${encodeURIComponent(`id:${a.workspace_id},${b.workspace_id}`)}`);
    expect(byId.body.workspaces.map((ws: { id: string }) => ws.id).sort()).toEqual([a.workspace_id, b.workspace_id].sort());
    const stopped = await t.as("alice").get("/api/v2/workspaces?q=status:stopped");
    expect(stopped.body.workspaces.every((ws: { latest_build: { status: string } }) => ws.latest_build.status === "stopped")).toBe(true);
    expect(stopped.body.count).toBeGreaterThan(0);
    const codex = await t.as("alice").get("/api/v2/workspaces?q=template:codex");
    expect(codex.body.workspaces.every((ws: { template_name: string }) => ws.template_name === "codex")).toBe(true);
    expect((await t.as("alice").get("/api/v2/workspaces?q=has-ai-task:false")).body.count).toBe(0);
    const named = await t.as("admin").get(`/api/v2/workspaces?q=${encodeURIComponent(`alice/${a.workspace_name}`)}`);
    expect(named.body.workspaces.map((ws: { id: string }) => ws.id)).toEqual([a.workspace_id]);
  });

  it("takes a time with colons in quotes: last_used_after keeps the workspaces used since then", async () => {
    const t = await startSim();
    const all = await t.as("admin").get("/api/v2/workspaces?q=has-ai-task:true");
    const times = all.body.workspaces.map((ws: { last_used_at: string }) => ws.last_used_at).sort();
    const since = times[Math.floor(times.length / 2)];
    const q = encodeURIComponent(`has-ai-task:true last_used_after:"${since}"`);
    const recent = await t.as("admin").get(`/api/v2/workspaces?q=${q}`);
    expect(recent.status).toBe(200);
    expect(recent.body.count).toBe(times.filter((at: string) => at > since).length);
    expect(recent.body.count).toBeGreaterThan(0);
    const unquoted = await t.as("admin").get(`/api/v2/workspaces?q=${encodeURIComponent(`last_used_after:${since}`)}`);
    expect(unquoted.status).toBe(400);
    expect(unquoted.body.validations[0].detail).toBe(`Query element "last_used_after:${since.toLowerCase()}" can only contain 1 ':'`);
  });

  it.each([
    [
      "limit=-1",
      "Query parameters have invalid values.",
      { field: "limit", detail: 'Query param "limit" must be a valid 32-bit positive integer: value is negative' },
    ],
    [
      "offset=ten",
      "Query parameters have invalid values.",
      {
        field: "offset",
        detail: 'Query param "offset" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "ten": invalid syntax',
      },
    ],
    ["after_id=7", "Query parameters have invalid values.", { field: "after_id", detail: 'Query param "after_id" must be a valid uuid' }],
    ["q=colour:blue", "Invalid workspace search query.", { field: "colour", detail: '"colour" is not a valid query param' }],
    [
      "q=status:sleeping",
      "Invalid workspace search query.",
      { field: "status", detail: 'Query param "status" has invalid value: "sleeping" is not a valid value' },
    ],
    ["q=id:abc", "Invalid workspace search query.", { field: "id", detail: 'Query param "id" has invalid values: invalid UUID length: 3' }],
    [
      "q=healthy:maybe",
      "Invalid workspace search query.",
      { field: "healthy", detail: 'Query param "healthy" must be a valid boolean: strconv.ParseBool: parsing "maybe": invalid syntax' },
    ],
  ])("refuses %s", async (query, message, validation) => {
    const t = await startSim();
    const reply = await t.as("alice").get(`/api/v2/workspaces?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message, validations: [validation] });
  });
});

describe("GET /workspaces/{workspace}/builds", () => {
  it("lists builds newest first, pages them, and refuses what Coder refuses", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    t.advance(TO_PAUSED);
    await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/resume`);
    const path = `/api/v2/workspaces/${task.workspace_id}/builds`;
    const builds = (await t.as("alice").get(path)).body;
    expect(builds.map((b: { build_number: number; reason: string }) => [b.build_number, b.reason])).toEqual([
      [3, "task_resume"],
      [2, "task_manual_pause"],
      [1, "initiator"],
    ]);
    const older = (await t.as("alice").get(`${path}?after_id=${builds[0].id}&limit=1`)).body;
    expect(older.map((b: { build_number: number }) => b.build_number)).toEqual([2]);
    const since = (await t.as("alice").get(`${path}?since=${encodeURIComponent(builds[1].created_at)}`)).body;
    expect(since.map((b: { build_number: number }) => b.build_number)).toEqual([3, 2]);

    const missing = await t.as("alice").get(`${path}?after_id=${UNKNOWN_ID}`);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ message: `Record at "after_id" ("${UNKNOWN_ID}") does not exist.` });
    const badSince = await t.as("alice").get(`${path}?since=yesterday`);
    expect(badSince.status).toBe(400);
    expect(badSince.body.message).toBe("bad `since` format, must be RFC3339");
    expect((await t.as("bob").get(path)).status).toBe(404);
  });
});
