import { describe, expect, it } from "vitest";
import { startSim, templateVersion } from "../../../support/sim-server.ts";

describe("templates, versions and presets", () => {
  it("filters to templates with an AI task, in the caller's organizations", async () => {
    const t = await startSim();
    const admin = await t.as("admin").get("/api/v2/templates?q=has-ai-task:true");
    expect(admin.body.map((x: { name: string }) => x.name)).toEqual(["claude-code", "codex", "platform-agent"]);
    const bob = await t.as("bob").get("/api/v2/templates?q=has-ai-task:true");
    expect(bob.body.map((x: { name: string }) => x.name)).toEqual(["claude-code", "codex"]);
    const all = await t.as("bob").get("/api/v2/templates");
    expect(all.body.map((x: { name: string }) => x.name)).toContain("docker");
  });

  it("refuses a bad template query", async () => {
    const t = await startSim();
    const reply = await t.as("bob").get("/api/v2/templates?q=has-ai-task:maybe");
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe("Invalid template search query.");
    expect((await t.as("bob").get("/api/v2/templates?q=color:red")).body.validations[0].field).toBe("color");
  });

  it("serves a template, its versions and one version", async () => {
    const t = await startSim();
    const templates = (await t.as("admin").get("/api/v2/templates")).body;
    const claude = templates.find((x: { name: string }) => x.name === "claude-code");
    expect((await t.as("admin").get(`/api/v2/templates/${claude.id}`)).body.active_version_id).toBe(claude.active_version_id);
    const versions = (await t.as("admin").get(`/api/v2/templates/${claude.id}/versions`)).body;
    expect(versions.map((v: { name: string }) => v.name)).toEqual(["v1.4.0", "v1.5.0"]);
    const version = await t.as("admin").get(`/api/v2/templateversions/${claude.active_version_id}`);
    expect(version.body).toMatchObject({ id: claude.active_version_id, template_id: claude.id, name: "v1.5.0" });
  });

  it("answers presets with PascalCase keys, and null when there are none", async () => {
    const t = await startSim();
    const presets = await t.as("alice").get(`/api/v2/templateversions/${await templateVersion(t, "claude-code")}/presets`);
    expect(presets.body).toHaveLength(2);
    expect(presets.body.find((p: { Default: boolean }) => p.Default)).toMatchObject({ Name: "Large", DesiredPrebuildInstances: null });
    expect(Object.keys(presets.body[0]).sort()).toEqual([
      "Default",
      "Description",
      "DesiredPrebuildInstances",
      "ID",
      "Icon",
      "Name",
      "Parameters",
    ]);
    const none = await t.as("alice").get(`/api/v2/templateversions/${await templateVersion(t, "codex")}/presets`);
    expect(none.status).toBe(200);
    expect(none.text).toBe("null");
  });

  it("refuses bad and invisible ids", async () => {
    const t = await startSim();
    const bad = await t.as("bob").get("/api/v2/templateversions/xyz/presets");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid UUID "xyz".');
    const platform = await templateVersion(t, "platform-agent");
    expect((await t.as("bob").get(`/api/v2/templateversions/${platform}`)).status).toBe(404);
  });
});
