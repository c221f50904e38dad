import { describe, expect, it } from "vitest";
import { createTask, startSim, type TestSim } from "../../../support/sim-server.ts";

async function orgId(t: TestSim, name: string): Promise<string> {
  const orgs = (await t.as("admin").get("/api/v2/organizations")).body;
  return orgs.find((o: { name: string }) => o.name === name).id;
}

async function userId(t: TestSim, name: string): Promise<string> {
  return (await t.as("admin").get(`/api/v2/users/${name}`)).body.id;
}

/** The checks the dashboard asks, with one organization-scoped set per organization. */
async function dashboardChecks(t: TestSim) {
  const coder = await orgId(t, "coder");
  const platform = await orgId(t, "platform");
  const alice = await userId(t, "alice");
  return {
    allTasks: { object: { resource_type: "task" }, action: "read" },
    allWorkspaces: { object: { resource_type: "workspace" }, action: "read" },
    allUsers: { object: { resource_type: "user" }, action: "read" },
    updateTemplates: { object: { resource_type: "template" }, action: "update" },
    adminSomewhere: { object: { resource_type: "task", any_org: true }, action: "read" },
    ownTasks: { object: { resource_type: "task", owner_id: "me", any_org: true }, action: "read" },
    coderTasks: { object: { resource_type: "task", organization_id: coder }, action: "read" },
    platformTasks: { object: { resource_type: "task", organization_id: platform }, action: "read" },
    createForAliceInPlatform: { object: { resource_type: "workspace", organization_id: platform, owner_id: alice }, action: "create" },
    createForOthersInCoder: { object: { resource_type: "workspace", organization_id: coder }, action: "create" },
    unknownType: { object: { resource_type: "spaceship" }, action: "read" },
  };
}

describe("POST /authcheck", () => {
  it.each([
    [
      "admin",
      {
        allTasks: true,
        allWorkspaces: true,
        allUsers: true,
        updateTemplates: true,
        adminSomewhere: true,
        ownTasks: true,
        coderTasks: true,
        platformTasks: true,
        createForAliceInPlatform: true,
        createForOthersInCoder: true,
        unknownType: false,
      },
    ],
    [
      "olivia",
      {
        allTasks: false,
        allWorkspaces: false,
        allUsers: false,
        updateTemplates: false,
        adminSomewhere: true,
        ownTasks: true,
        coderTasks: false,
        platformTasks: true,
        createForAliceInPlatform: true,
        createForOthersInCoder: false,
        unknownType: false,
      },
    ],
    [
      "alice",
      {
        allTasks: false,
        allWorkspaces: false,
        allUsers: false,
        updateTemplates: false,
        adminSomewhere: false,
        ownTasks: true,
        coderTasks: false,
        platformTasks: false,
        createForAliceInPlatform: true,
        createForOthersInCoder: false,
        unknownType: false,
      },
    ],
  ])("answers every key for %s as Coder's roles do", async (who, expected) => {
    const t = await startSim();
    const reply = await t.as(who).send("POST", "/api/v2/authcheck", { checks: await dashboardChecks(t) });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(reply.body).toEqual(expected);
  });

  it("loads the object a resource_id names: org admins may read and stop, not connect; others' are false", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Rotate the staging certificates", { template: "platform-agent" });
    const on = (action: string) => ({ object: { resource_type: "workspace", resource_id: task.workspace_id }, action });
    const checks = { read: on("read"), stop: on("stop"), connect: on("application_connect") };
    expect((await t.as("olivia").send("POST", "/api/v2/authcheck", { checks })).body).toEqual({ read: true, stop: true, connect: false });
    expect((await t.as("alice").send("POST", "/api/v2/authcheck", { checks })).body).toEqual({ read: true, stop: true, connect: true });
    expect((await t.as("bob").send("POST", "/api/v2/authcheck", { checks })).body).toEqual({ read: false, stop: false, connect: false });
  });

  it.each([
    [{ checks: { a: { object: {}, action: "read" } } }, 'Object\'s "resource_type" field must be defined for key "a".'],
    [
      { checks: { a: { object: { resource_type: "workspace", resource_id: "nope" }, action: "read" } } },
      'Object "nope" id is not a valid uuid.',
    ],
    [
      { checks: { a: { object: { resource_type: "task", resource_id: "00000000-0000-4000-8000-000000000000" }, action: "read" } } },
      'Object type "task" does not support "resource_id" field.',
    ],
    [
      {
        checks: Object.fromEntries(
          Array.from({ length: 12 }, (_, i) => [
            `k${i}`,
            { object: { resource_type: "workspace", resource_id: "00000000-0000-4000-8000-000000000000" }, action: "read" },
          ]),
        ),
      },
      'Endpoint only supports using "resource_id" field 10 times, found 12 usages. Remove 2 objects with this field set.',
    ],
    [[1, 2], "Request body must be valid JSON."],
  ])("refuses %j with 400", async (body, message) => {
    const t = await startSim();
    const reply = await t.as("alice").send("POST", "/api/v2/authcheck", body);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(message);
  });

  it("answers an empty request with an empty object, and nobody signed out", async () => {
    const t = await startSim();
    expect((await t.as("alice").send("POST", "/api/v2/authcheck", { checks: {} })).body).toEqual({});
    expect((await t.anonymous.send("POST", "/api/v2/authcheck", { checks: {} })).status).toBe(401);
  });
});
