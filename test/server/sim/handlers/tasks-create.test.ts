import { describe, expect, it } from "vitest";
import { createTask, startSim, templateVersion } from "../../../support/sim-server.ts";

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

describe("POST /tasks/{user}", () => {
  it("creates a pending task: 201, names generated from the prompt, workspace named like the task", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "Fix the failing tests in auth");
    expect(task).toMatchObject({
      status: "pending",
      current_state: null,
      owner_name: "alice",
      initial_prompt: "Fix the failing tests in auth",
    });
    expect(task.name).toMatch(/^fix-the-failing-tests-in-[0-9a-f]{4}$/);
    expect(task.display_name).toBe("Fix the failing tests in auth");
    expect(task.workspace_name).toBe(task.name);
  });

  it("fills in only the missing one of name and display name", async () => {
    const t = await startSim();
    const named = await createTask(t, "alice", "Write docs", { name: "docs-pass" });
    expect(named).toMatchObject({ name: "docs-pass", display_name: "Write docs" });
    const titled = await createTask(t, "alice", "Write docs", { display_name: "  Docs, at last  " });
    expect(titled.display_name).toBe("Docs, at last");
    expect(titled.name).toMatch(/^write-docs-[0-9a-f]{4}$/);
  });

  it("accepts an empty prompt and makes up a name", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice", "");
    expect(task.name).toMatch(/^[a-z]+-[a-z]+-[0-9a-f]{4}$/);
    expect(task.initial_prompt).toBe("");
  });

  it("creates for another user as site owner, owned by them", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const reply = await t.as("admin").send("POST", "/api/v2/tasks/bob", { template_version_id: version, input: "Help Bob" });
    expect(reply.status).toBe(201);
    expect(reply.body.owner_name).toBe("bob");
  });

  it("refuses a member creating for someone else with 403", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/bob", { template_version_id: version, input: "x" });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toBe("Unauthorized to create workspace.");
  });

  it("404s an unknown or invisible {user}", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    for (const user of ["nobody", "olivia"]) {
      const reply = await t.as("bob").send("POST", `/api/v2/tasks/${user}`, { template_version_id: version, input: "x" });
      expect(reply.status).toBe(404);
      expect(reply.body.message).toBe("Resource not found or you do not have access to this resource");
    }
  });

  it.each([
    ["bad JSON", "{", 400, "Request body must be valid JSON."],
    ["a non-UUID version", { template_version_id: "abc", input: "x" }, 400, "Request body must be valid JSON."],
    ["a number as input", { template_version_id: ZERO_UUID, input: 5 }, 400, "Request body must be valid JSON."],
    [
      "an unknown version",
      { template_version_id: ZERO_UUID, input: "x" },
      400,
      "Template version not found or you do not have access to this resource",
    ],
    ["no version", { input: "x" }, 400, "Template version not found or you do not have access to this resource"],
  ])("refuses %s", async (_name, body, status, message) => {
    const t = await startSim();
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", body);
    expect(reply.status).toBe(status);
    expect(reply.body.message).toBe(message);
  });

  it("names the struct field when a type is wrong", async () => {
    const t = await startSim();
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", { input: 5 });
    expect(reply.body.detail).toBe("json: cannot unmarshal number into Go struct field CreateTaskRequest.input of type string");
  });

  it("refuses a template without an AI task, and one in an organization the caller cannot see", async () => {
    const t = await startSim();
    const docker = await templateVersion(t, "docker");
    const noAi = await t.as("alice").send("POST", "/api/v2/tasks/me", { template_version_id: docker, input: "x" });
    expect(noAi.status).toBe(400);
    expect(noAi.body.message).toBe('Template does not have a valid "coder_ai_task" resource.');
    const platform = await templateVersion(t, "platform-agent");
    const hidden = await t.as("bob").send("POST", "/api/v2/tasks/me", { template_version_id: platform, input: "x" });
    expect(hidden.status).toBe(400);
    expect(hidden.body.message).toBe("Template version not found or you do not have access to this resource");
  });

  it.each([
    ["a".repeat(33), "must be <= 32 characters"],
    ["new", 'cannot use "new" as a name'],
    ["create", 'cannot use "create" as a name'],
    ["has space", "must be alphanumeric with hyphens"],
    ["-leading", "must be alphanumeric with hyphens"],
    ["double--hyphen", "must be alphanumeric with hyphens"],
    ["trailing-", "must be alphanumeric with hyphens"],
  ])("refuses the name %j: %s", async (name, detail) => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "x", name });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ message: "Unable to create a Task with the provided name.", detail });
  });

  it("counts the display name limit in bytes, after trimming", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const tooLong = "é".repeat(33); // 66 bytes, 33 characters
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "x", display_name: tooLong });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe("Display name must be 64 characters or less.");
    const fits = await t
      .as("alice")
      .send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "x", display_name: ` ${"a".repeat(64)} ` });
    expect(fits.status).toBe(201);
  });

  it("reports a duplicate name as the workspace's 409, case-insensitively", async () => {
    const t = await startSim();
    await createTask(t, "alice", "x", { name: "my-task" });
    const version = await templateVersion(t, "claude-code");
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "y", name: "My-Task" });
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual({
      message: 'Workspace "My-Task" already exists.',
      validations: [{ field: "name", detail: "This value is already in use and should be unique." }],
    });
    // Another user may use the same name.
    expect((await createTask(t, "bob", "x", { name: "my-task" })).name).toBe("my-task");
  });

  it("takes a preset of the version and refuses one of another", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const presets = await t.as("alice").get(`/api/v2/templateversions/${version}/presets`);
    const large = presets.body.find((p: { Name: string }) => p.Name === "Large");
    const ok = await t
      .as("alice")
      .send("POST", "/api/v2/tasks/me", { template_version_id: version, template_version_preset_id: large.ID, input: "x" });
    expect(ok.status).toBe(201);
    const bad = await t
      .as("alice")
      .send("POST", "/api/v2/tasks/me", { template_version_id: version, template_version_preset_id: version, input: "x" });
    expect(bad.status).toBe(400);
  });

  it("ignores unknown fields, as Go's decoder does", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    const reply = await t
      .as("alice")
      .send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "x", surprise: { deep: [1] } });
    expect(reply.status).toBe(201);
  });
});

describe("template states that refuse a task", () => {
  async function attempt(change: (t: Awaited<ReturnType<typeof startSim>>, versionId: string) => void) {
    const t = await startSim();
    const version = await templateVersion(t, "claude-code");
    change(t, version);
    return t.as("alice").send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "x" });
  }

  it("refuses a version whose import is still running (has_ai_task unknown)", async () => {
    const reply = await attempt((t, id) => {
      const version = t.sim.store.versions.get(id);
      if (version) version.hasAiTask = null;
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('Template does not have a valid "coder_ai_task" resource.');
  });

  it("refuses a deprecated template", async () => {
    const reply = await attempt((t, id) => {
      const template = t.sim.store.templates.get(t.sim.store.versions.get(id)?.templateId ?? "");
      if (template) template.deprecated = true;
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('Template "claude-code" has been deprecated, and cannot be used to create a new workspace.');
  });

  it("answers an archived version with Coder's 500", async () => {
    const reply = await attempt((t, id) => {
      const version = t.sim.store.versions.get(id);
      if (version) version.archived = true;
    });
    expect(reply.status).toBe(500);
    expect(reply.body.message).toBe("Archived template versions cannot be used to make a workspace.");
  });
});
