import { describe, expect, it } from "vitest";
import { fetchReply, startSim } from "../../support/sim-server.ts";

const SIGNED_OUT = "You are signed out or your session has expired. Please sign in again to continue.";

describe("authentication", () => {
  it("signs in with email and password: 201, a Coder-format token, and the session cookie", async () => {
    const t = await startSim();
    const reply = await t.anonymous.send("POST", "/api/v2/users/login", { email: "alice@example.com", password: "demo-password" });
    expect(reply.status).toBe(201);
    expect(reply.body.session_token).toMatch(/^[A-Za-z0-9]{10}-[A-Za-z0-9]{22}$/);
    expect(reply.headers.get("set-cookie")).toMatch(/coder_session_token=.*HttpOnly/);
    const me = await fetchReply(`${t.url}/api/v2/users/me`, { headers: { "Coder-Session-Token": reply.body.session_token } });
    expect(me.body).toMatchObject({ username: "alice", email: "alice@example.com", roles: [] });
  });

  it("refuses a wrong password and a wrong email alike", async () => {
    const t = await startSim();
    for (const body of [
      { email: "alice@example.com", password: "nope" },
      { email: "nobody@example.com", password: "demo-password" },
    ]) {
      const reply = await t.anonymous.send("POST", "/api/v2/users/login", body);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: "Incorrect email or password." });
    }
  });

  it("validates the login body like Coder", async () => {
    const t = await startSim();
    const missing = await t.anonymous.send("POST", "/api/v2/users/login", {});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe("Validation failed.");
    expect(missing.body.validations.map((v: { field: string }) => v.field)).toEqual(["email", "password"]);
    const badEmail = await t.anonymous.send("POST", "/api/v2/users/login", { email: "not-an-email", password: "x" });
    expect(badEmail.body.validations).toEqual([{ field: "email", detail: 'Validation failed for tag "email" with value: "not-an-email"' }]);
    const badJson = await t.anonymous.send("POST", "/api/v2/users/login", "{");
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toBe("Request body must be valid JSON.");
  });

  it("answers each kind of bad token with Coder's 401 and its detail", async () => {
    const t = await startSim();
    const token = t.as("alice").token;
    const [id, secret] = token.split("-");
    const cases: [Record<string, string>, string][] = [
      [{}, 'Cookie "coder_session_token" or query parameter must be provided.'],
      [{ "Coder-Session-Token": "garbage" }, "Invalid API key format: incorrect amount of API key parts, expected 2 got 1"],
      [{ "Coder-Session-Token": "short-aaaaaaaaaaaaaaaaaaaaaa" }, "Invalid API key format: invalid API key ID length, expected 10 got 5"],
      [{ "Coder-Session-Token": "ABCDEFGHIJ-aaaaaaaaaaaaaaaaaaaaaa" }, "API key is invalid."],
      [{ "Coder-Session-Token": `${id}-${"x".repeat(22)}` }, "API key secret is invalid."],
    ];
    for (const [headers, detail] of cases) {
      const reply = await fetchReply(`${t.url}/api/v2/users/me`, { headers });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: SIGNED_OUT, detail });
    }
    expect(secret).toHaveLength(22);
  });

  it("rejects an expired session", async () => {
    const t = await startSim();
    const client = t.as("alice");
    t.advance(25 * 60 * 60 * 1000);
    const reply = await client.get("/api/v2/users/me");
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/^API key expired at ".+"\.$/);
  });

  it("takes the token from the cookie, the query, the header or a bearer", async () => {
    const t = await startSim();
    const token = t.as("bob").token;
    const ways: [string, Record<string, string>][] = [
      ["/api/v2/users/me", { Cookie: `coder_session_token=${token}` }],
      [`/api/v2/users/me?coder_session_token=${token}`, {}],
      ["/api/v2/users/me", { "Coder-Session-Token": token }],
      ["/api/v2/users/me", { Authorization: `Bearer ${token}` }],
      [`/api/v2/users/me?access_token=${token}`, {}],
    ];
    for (const [path, headers] of ways) {
      const reply = await fetchReply(t.url + path, { headers });
      expect(reply.status, JSON.stringify(headers)).toBe(200);
      expect(reply.body.username).toBe("bob");
    }
  });

  it("refuses a cookie and a different header together (CSRF)", async () => {
    const t = await startSim();
    const reply = await fetchReply(`${t.url}/api/v2/users/me`, {
      headers: { Cookie: `coder_session_token=${t.as("bob").token}`, "Coder-Session-Token": t.as("alice").token },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^CSRF error encountered/);
  });

  it("logs out: the token stops working", async () => {
    const t = await startSim();
    const alice = t.as("alice");
    const out = await alice.send("POST", "/api/v2/users/logout");
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ message: "Logged out!" });
    const after = await alice.get("/api/v2/users/me");
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe("API key is invalid.");
  });

  it("serves auth methods and build info without a session", async () => {
    const t = await startSim({ version: "v2.32.0" });
    const methods = await t.anonymous.get("/api/v2/users/authmethods");
    expect(methods.body.password).toEqual({ enabled: true });
    const info = await t.anonymous.get("/api/v2/buildinfo");
    expect(info.status).toBe(200);
    expect(info.body.version).toBe("v2.32.0");
    expect(info.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });
});

describe("users and organizations", () => {
  it("lists only the users a caller shares an organization with, with a q search", async () => {
    const t = await startSim();
    const admin = await t.as("admin").get("/api/v2/users");
    expect(admin.body.users.map((u: { username: string }) => u.username)).toEqual(["admin", "alice", "bob", "olivia"]);
    expect(admin.body.count).toBe(4);
    const bob = await t.as("bob").get("/api/v2/users");
    expect(bob.body.users.map((u: { username: string }) => u.username)).toEqual(["admin", "alice", "bob"]);
    const search = await t.as("admin").get("/api/v2/users?q=oli");
    expect(search.body).toMatchObject({ count: 1, users: [{ username: "olivia", email: "olivia@example.com" }] });
  });

  it("gets a user by name, 404 when not visible", async () => {
    const t = await startSim();
    expect((await t.as("alice").get("/api/v2/users/bob")).body.username).toBe("bob");
    const hidden = await t.as("bob").get("/api/v2/users/olivia");
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).toBe("Resource not found or you do not have access to this resource");
  });

  it("gives site roles only", async () => {
    const t = await startSim();
    expect((await t.as("admin").get("/api/v2/users/me")).body.roles).toEqual([
      { name: "owner", display_name: "Owner", organization_id: "" },
    ]);
    expect((await t.as("olivia").get("/api/v2/users/me")).body.roles).toEqual([]);
  });

  it("lists organizations as an array: all for the site owner, memberships for others", async () => {
    const t = await startSim();
    const all = await t.as("admin").get("/api/v2/organizations");
    expect(all.body.map((o: { name: string }) => o.name)).toEqual(["coder", "platform"]);
    expect(all.body[0]).toMatchObject({ name: "coder", is_default: true });
    const bob = await t.as("bob").get("/api/v2/organizations");
    expect(bob.body.map((o: { name: string }) => o.name)).toEqual(["coder"]);
  });
});
