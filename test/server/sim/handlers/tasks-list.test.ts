import { describe, expect, it } from "vitest";
import { startSim, type TestSim } from "../../../support/sim-server.ts";

const INVALID = "Invalid task search query.";

async function list(t: TestSim, who: string, q?: string) {
  return t.as(who).get(`/api/v2/tasks${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`);
}

const owners = (reply: { body: { tasks: { owner_name: string }[] } }) => new Set(reply.body.tasks.map((task) => task.owner_name));

describe("GET /tasks", () => {
  it("gives a site owner every task, newest first, with count = length", async () => {
    const t = await startSim();
    const reply = await list(t, "admin");
    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(reply.body.tasks.length);
    expect(reply.body.tasks.length).toBe(90);
    expect(owners(reply)).toEqual(new Set(["admin", "alice", "bob", "olivia"]));
    const created = reply.body.tasks.map((task: { created_at: string }) => Date.parse(task.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("seeds every status", async () => {
    const t = await startSim();
    const statuses = new Set((await list(t, "admin")).body.tasks.map((task: { status: string }) => task.status));
    expect(statuses).toEqual(new Set(["pending", "initializing", "active", "paused", "unknown", "error"]));
  });

  it("shows members only their own tasks, and org admins their organization's", async () => {
    const t = await startSim();
    expect(owners(await list(t, "alice"))).toEqual(new Set(["alice"]));
    expect(owners(await list(t, "bob"))).toEqual(new Set(["bob"]));
    const olivia = await list(t, "olivia");
    const orgs = await t.as("admin").get("/api/v2/organizations");
    const platform = orgs.body.find((o: { name: string }) => o.name === "platform").id;
    expect(new Set(olivia.body.tasks.map((task: { organization_id: string }) => task.organization_id))).toEqual(new Set([platform]));
    expect(owners(olivia)).toEqual(new Set(["olivia", "alice", "admin"]));
  });

  it("filters by owner (name, bare word, me, quoted), organization and status", async () => {
    const t = await startSim();
    expect(owners(await list(t, "admin", "owner:bob"))).toEqual(new Set(["bob"]));
    expect(owners(await list(t, "admin", "bob"))).toEqual(new Set(["bob"]));
    expect(owners(await list(t, "admin", 'owner:"alice"'))).toEqual(new Set(["alice"]));
    expect(owners(await list(t, "admin", "owner:me"))).toEqual(new Set(["admin"]));
    expect(owners(await list(t, "admin", "OWNER:BOB"))).toEqual(new Set(["bob"]));
    const platform = await list(t, "admin", "organization:platform");
    expect(new Set(platform.body.tasks.map((task: { template_name: string }) => task.template_name))).toEqual(new Set(["platform-agent"]));
    const paused = await list(t, "admin", 'owner:"alice" status:"paused"');
    expect(new Set(paused.body.tasks.map((task: { status: string; owner_name: string }) => `${task.owner_name} ${task.status}`))).toEqual(
      new Set(["alice paused"]),
    );
  });

  it("lets a member ask for another member's tasks and get none", async () => {
    const t = await startSim();
    const reply = await list(t, "alice", "owner:bob");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ tasks: [], count: 0 });
  });

  it.each([
    ["owner:", [{ field: "q", detail: `Query element "owner:" cannot start or end with ':'` }]],
    [":alice", [{ field: "q", detail: `Query element ":alice" cannot start or end with ':'` }]],
    ["a:b:c", [{ field: "q", detail: `Query element "a:b:c" can only contain 1 ':'` }]],
    ["foo:bar", [{ field: "foo", detail: `"foo" is not a valid query param` }]],
    [
      "owner:alice owner:bob",
      [
        {
          field: "owner",
          detail: `Query param "owner" provided more than once, found 2 times. Only provide 1 instance of this query param.`,
        },
      ],
    ],
    [
      "alice owner:bob",
      [
        {
          field: "owner",
          detail: `Query param "owner" provided more than once, found 2 times. Only provide 1 instance of this query param.`,
        },
      ],
    ],
    [
      "owner:nobody",
      [
        {
          field: "owner",
          detail: `Query param "owner" has invalid value: user "nobody" either does not exist, or you are unauthorized to view them`,
        },
      ],
    ],
    [
      "organization:nowhere",
      [
        {
          field: "organization",
          detail: `Query param "organization" has invalid value: organization "nowhere" either does not exist, or you are unauthorized to view it`,
        },
      ],
    ],
  ])("refuses %j with 400 and its validation", async (q, validations) => {
    const t = await startSim();
    const reply = await list(t, "admin", q);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: INVALID, validations });
  });

  it("treats an organization or user the caller cannot see as unknown", async () => {
    const t = await startSim();
    expect((await list(t, "bob", "organization:platform")).body.validations[0].field).toBe("organization");
    expect((await list(t, "bob", "owner:olivia")).body.validations[0].field).toBe("owner");
  });

  it("answers an unknown status with the database's 500", async () => {
    const t = await startSim();
    const reply = await list(t, "admin", "status:sleeping");
    expect(reply.status).toBe(500);
    expect(reply.body.message).toBe("Internal error fetching tasks.");
  });

  it("is also served under /api/experimental/tasks", async () => {
    const t = await startSim();
    const reply = await t.as("alice").get("/api/experimental/tasks");
    expect(reply.status).toBe(200);
    expect(owners(reply)).toEqual(new Set(["alice"]));
  });

  it("has the wire format's nulls and omissions", async () => {
    const t = await startSim();
    const tasks = (await list(t, "admin")).body.tasks as Record<string, unknown>[];
    const pending = tasks.find((task) => task.status === "pending");
    expect(pending).toMatchObject({
      current_state: null,
      workspace_agent_id: null,
      workspace_agent_lifecycle: null,
      workspace_agent_health: null,
    });
    expect(pending).not.toHaveProperty("owner_avatar_url");
    const active = tasks.find((task) => task.status === "active" && task.workspace_agent_lifecycle === "ready");
    expect(typeof active?.workspace_agent_id).toBe("string");
    expect(active?.workspace_agent_health).toEqual({ healthy: true });
    expect(active?.workspace_status).toBe("running");
  });

  it("answers with the same list until something changes, and then with the change", async () => {
    const t = await startSim();
    const first = await list(t, "alice");
    expect((await list(t, "alice")).text).toBe(first.text);
    const [paused, deleted] = first.body.tasks.filter((x: { status: string }) => x.status === "active");
    expect(deleted).toBeDefined();
    expect((await t.as("alice").send("POST", `/api/v2/tasks/alice/${paused.id}/pause`)).status).toBe(202);
    const after = await list(t, "alice");
    expect(after.body.tasks.find((x: { id: string }) => x.id === paused.id).status).toBe("unknown");
    expect((await t.as("alice").send("DELETE", `/api/v2/tasks/alice/${deleted.id}`)).status).toBe(202);
    const ids = (await list(t, "alice")).body.tasks.map((x: { id: string }) => x.id);
    expect(ids).toContain(paused.id);
    expect(ids).not.toContain(deleted.id);
    // Another user's view of the same deployment is their own.
    expect(owners(await list(t, "bob"))).toEqual(new Set(["bob"]));
  });

  it("answers 10,000 tasks quickly", async () => {
    const t = await startSim({ taskCount: 10_000 });
    const reply = await list(t, "admin");
    expect(reply.body.count).toBe(10_000);
  });
});
