import { describe, expect, it } from "vitest";
import { fetchReply, startSim, templateVersion, type TestSim } from "../../../support/sim-server.ts";

async function externalAuth(t: TestSim, who: string, template: string, query = "") {
  const version = await templateVersion(t, template, "admin");
  return t.as(who).get(`/api/v2/templateversions/${version}/external-auth${query}`);
}

async function createCodexTask(t: TestSim, who: string) {
  const version = await templateVersion(t, "codex", "admin");
  return t
    .as(who)
    .send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "Open a pull request that fixes the flaky test" });
}

describe("GET /templateversions/{id}/external-auth", () => {
  it("lists what the version needs and whether the caller has connected it, optional omitted when false", async () => {
    const t = await startSim();
    const bob = await externalAuth(t, "bob", "codex");
    expect(bob.status).toBe(200);
    expect(bob.body).toEqual([
      {
        id: "github",
        type: "github",
        display_name: "GitHub",
        display_icon: "/icon/github.svg",
        authenticate_url: `${t.url}/external-auth/github`,
        authenticated: false,
      },
    ]);
    expect((await externalAuth(t, "alice", "codex")).body[0].authenticated).toBe(true);
    expect((await externalAuth(t, "olivia", "platform-agent")).body[0]).toMatchObject({
      id: "github",
      optional: true,
      authenticated: false,
    });
    expect((await externalAuth(t, "alice", "claude-code")).body).toEqual([]);
  });

  it("reports another owner's state with user_id from v2.36, for someone who may create for them", async () => {
    const t = await startSim({ version: "v2.36.0" });
    const bob = (await t.as("admin").get("/api/v2/users/bob")).body.id;
    expect((await externalAuth(t, "admin", "codex", `?user_id=${bob}`)).body[0].authenticated).toBe(false);
    expect((await externalAuth(t, "admin", "codex", "?user_id=me")).body[0].authenticated).toBe(true);
    const forbidden = await externalAuth(t, "alice", "codex", `?user_id=${bob}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ message: "Forbidden." });
    const bad = await externalAuth(t, "admin", "codex", "?user_id=bob");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: "Invalid user_id query parameter." });
  });

  it("ignores user_id before v2.36, reporting the caller", async () => {
    const t = await startSim({ version: "v2.35.2" });
    const bob = (await t.as("admin").get("/api/v2/users/bob")).body.id;
    expect((await externalAuth(t, "admin", "codex", `?user_id=${bob}`)).body[0].authenticated).toBe(true);
  });
});

describe("creating a task whose template needs GitHub", () => {
  it("is refused for an owner who has not connected it, exactly as Coder refuses, and nothing is created", async () => {
    const t = await startSim();
    const before = t.sim.store.tasks.size;
    const reply = await createCodexTask(t, "bob");
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      message: "External authentication is required to create a workspace with this template.",
      detail: "The workspace owner must authenticate with the following external auth providers: github.",
      validations: [{ field: "external_auth", detail: "github" }],
    });
    expect(t.sim.store.tasks.size).toBe(before);
  });

  it("checks the owner, not the caller", async () => {
    const t = await startSim();
    const version = await templateVersion(t, "codex", "admin");
    const reply = await t.as("admin").send("POST", "/api/v2/tasks/bob", { template_version_id: version, input: "Fix it" });
    expect(reply.status).toBe(403);
    expect(reply.body.validations).toEqual([{ field: "external_auth", detail: "github" }]);
  });

  it("succeeds once connected through the consent page, and an optional provider never blocks", async () => {
    const t = await startSim();
    const form = await fetchReply(`${t.url}/external-auth/github`);
    expect(form.status).toBe(200);
    expect(form.headers.get("content-type")).toMatch(/^text\/html/);
    expect(form.text).toContain('action="/external-auth/github/callback"');
    const wrong = await fetchReply(`${t.url}/external-auth/github/callback`, {
      method: "POST",
      body: new URLSearchParams({ email: "bob@example.com", password: "nope" }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain("Incorrect email or password.");
    const done = await fetchReply(`${t.url}/external-auth/github/callback`, {
      method: "POST",
      body: new URLSearchParams({ email: "bob@example.com", password: "demo-password" }),
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain("You've authenticated with GitHub!");
    expect((await externalAuth(t, "bob", "codex")).body[0].authenticated).toBe(true);
    expect((await createCodexTask(t, "bob")).status).toBe(201);

    const version = await templateVersion(t, "platform-agent", "admin");
    const optional = await t.as("olivia").send("POST", "/api/v2/tasks/me", { template_version_id: version, input: "Rotate certificates" });
    expect(optional.status).toBe(201);
  });

  it("is not enforced before v2.33, which created the broken workspace", async () => {
    const t = await startSim({ version: "v2.32.4" });
    expect((await createCodexTask(t, "bob")).status).toBe(201);
  });
});

describe("POST /sim/users/{user}/external-auth/{provider}", () => {
  it("links and unlinks for the site owner only, and checks its input", async () => {
    const t = await startSim();
    const path = "/sim/users/alice/external-auth/github";
    expect((await t.as("admin").send("POST", path, { authenticated: false })).body).toEqual({ authenticated: false });
    expect((await externalAuth(t, "alice", "codex")).body[0].authenticated).toBe(false);
    expect((await t.as("admin").send("POST", path, { authenticated: true })).status).toBe(200);
    expect((await externalAuth(t, "alice", "codex")).body[0].authenticated).toBe(true);
    expect((await t.as("alice").send("POST", path, { authenticated: true })).status).toBe(403);
    const bad = await t.as("admin").send("POST", path, { authenticated: "yes" });
    expect(bad.status).toBe(400);
    expect((await t.as("admin").send("POST", "/sim/users/alice/external-auth/gitlab", { authenticated: true })).status).toBe(404);
    expect((await t.as("admin").send("POST", "/sim/users/nobody/external-auth/github", { authenticated: true })).status).toBe(404);
  });

  it("escapes what the consent page echoes back", async () => {
    const t = await startSim();
    const reply = await fetchReply(`${t.url}/external-auth/github/callback`, {
      method: "POST",
      body: new URLSearchParams({ email: '"><script>alert(1)</script>', password: "x" }),
    });
    expect(reply.text).not.toContain("<script>");
    expect(reply.text).toContain("&quot;&gt;&lt;script&gt;");
  });
});
