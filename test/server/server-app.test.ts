import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createServerApp } from "../../server/app.ts";
import { readConfig } from "../../server/config.ts";
import { fetchReply, idleTask, listen, startSim } from "./helpers.ts";

function fakeDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dist-"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><div id=root></div>");
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "assets", "app.js"), "console.log(1)");
  return dir;
}

describe("the serving app with the simulator", () => {
  it("serves the SPA with history fallback and security headers on HTML", async () => {
    const t = await startSim();
    const url = await listen(createServerApp({ backend: { kind: "simulator", simulator: t.sim }, distDir: fakeDist() }));
    for (const route of ["/", "/tasks", "/tasks/alice/some-task", "/wall", "/login?next=%2Ftasks"]) {
      const reply = await fetchReply(url + route);
      expect(reply.status, route).toBe(200);
      expect(reply.text).toContain("<div id=root>");
      const csp = reply.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline'; script");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("referrer-policy")).toBe("no-referrer");
    }
    const asset = await fetchReply(`${url}/assets/app.js`);
    expect(asset.text).toBe("console.log(1)");
    const missing = await fetchReply(`${url}/assets/app-old.js`);
    expect(missing.status).toBe(404);
  });

  it("answers unknown /api routes with JSON, never index.html", async () => {
    const t = await startSim();
    const url = await listen(createServerApp({ backend: { kind: "simulator", simulator: t.sim }, distDir: fakeDist() }));
    for (const route of ["/api/v2/unknown", "/api", "/api/v3/tasks"]) {
      const reply = await fetchReply(url + route);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: "Route not found." });
    }
  });

  it("keeps Coder's cookie out of the browser, so the header is the only credential", async () => {
    const t = await startSim();
    const url = await listen(createServerApp({ backend: { kind: "simulator", simulator: t.sim } }));
    const login = await fetchReply(`${url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "alice@example.com", password: "demo-password" }),
    });
    expect(login.status).toBe(201);
    expect(login.headers.get("set-cookie")).toBeNull();
  });
});

describe("the serving app as a proxy to a real Coder", () => {
  it("passes bodies and status codes through untouched and has no simulator routes", async () => {
    const upstream = await startSim();
    const task = await idleTask(upstream);
    const url = await listen(createServerApp({ backend: { kind: "proxy", coderUrl: new URL(upstream.url) } }));
    const token = upstream.as("alice").token;
    const headers = { "Coder-Session-Token": token };
    const direct = await fetchReply(`${upstream.url}/api/v2/tasks?q=owner:alice`, { headers });
    const proxied = await fetchReply(`${url}/api/v2/tasks?q=owner:alice`, { headers });
    expect(proxied.status).toBe(200);
    expect(proxied.text).toBe(direct.text);

    const refused = await fetchReply(`${url}/api/v2/tasks?q=owner:`, { headers });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("Invalid task search query.");

    const sent = await fetchReply(`${url}/api/v2/tasks/alice/${task.id}/send`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ input: "Through the proxy" }),
    });
    expect(sent.status).toBe(204);
    const logs = await fetchReply(`${upstream.url}/api/v2/tasks/alice/${task.id}/logs`, { headers });
    expect(logs.body.logs.at(-1)).toMatchObject({ type: "input", content: "Through the proxy" });

    const unauthenticated = await fetchReply(`${url}/api/v2/users/me`);
    expect(unauthenticated.status).toBe(401);

    const sim = await fetchReply(`${url}/sim/clock/advance`, { method: "POST", headers, body: "{}" });
    expect(sim.status).toBe(404);
  });

  it("does not forward the browser's cookies", async () => {
    const upstream = await startSim();
    const url = await listen(createServerApp({ backend: { kind: "proxy", coderUrl: new URL(upstream.url) } }));
    const reply = await fetchReply(`${url}/api/v2/users/me`, { headers: { Cookie: `coder_session_token=${upstream.as("bob").token}` } });
    expect(reply.status).toBe(401);
  });

  it("says so in Coder's error shape when the deployment cannot be reached", async () => {
    const url = await listen(createServerApp({ backend: { kind: "proxy", coderUrl: new URL("http://127.0.0.1:9") } }));
    const reply = await fetchReply(`${url}/api/v2/buildinfo`);
    expect(reply.status).toBe(502);
    expect(reply.body.message).toBe("Could not reach the Coder deployment at http://127.0.0.1:9.");
  });
});

describe("configuration from the environment", () => {
  it("defaults to the simulator on 127.0.0.1:3000", () => {
    expect(readConfig({})).toMatchObject({ host: "127.0.0.1", port: 3000, coderUrl: null });
  });

  it("reads the simulator's settings and refuses nonsense with a clear message", () => {
    const config = readConfig({
      SIM_SPEED: "5",
      SIM_TASKS: "10000",
      SIM_FAULT_RATE: "0.1",
      SIM_LATENCY_MS: "200",
      CODER_URL: "https://coder.example.com",
    });
    expect(config.simulator).toMatchObject({ speed: 5, taskCount: 10000, faultRate: 0.1, latencyMs: 200 });
    expect(config.coderUrl?.href).toBe("https://coder.example.com/");
    expect(() => readConfig({ SIM_FAULT_RATE: "2" })).toThrow('SIM_FAULT_RATE must be a fraction from 0 to 1; got "2".');
    expect(() => readConfig({ CODER_URL: "ftp://x" })).toThrow(/CODER_URL must use http or https/);
    expect(() => readConfig({ PORT: "http" })).toThrow(/PORT must be a port number/);
  });
});

describe("the read-only wall token", () => {
  const WALL = "WallToken1-abcdefghijklmnopqrstuv";

  async function wallServer(kind: "simulator" | "proxy") {
    const t = await startSim();
    t.sim.registerApiKey(WALL, "admin");
    const backend = kind === "simulator" ? ({ kind, simulator: t.sim } as const) : ({ kind, coderUrl: new URL(t.url) } as const);
    return { t, url: await listen(createServerApp({ backend, wallToken: WALL })) };
  }

  it.each(["simulator", "proxy"] as const)("lets a request without a session read the task list (%s)", async (kind) => {
    const { url } = await wallServer(kind);
    const reply = await fetchReply(`${url}/api/v2/tasks?q=owner:bob`);
    expect(reply.status).toBe(200);
    expect(reply.body.tasks.length).toBeGreaterThan(0);
  });

  it("refuses everything else without a session, and any write made with the wall token", async () => {
    const { t, url } = await wallServer("simulator");
    const task = await idleTask(t);
    const cases: [string, string, Record<string, string>][] = [
      ["GET", `/api/v2/tasks/alice/${task.id}`, {}],
      ["POST", `/api/v2/tasks/alice/${task.id}/pause`, {}],
      ["DELETE", `/api/v2/tasks/alice/${task.id}`, {}],
      ["GET", "/api/v2/users", {}],
      ["POST", `/api/v2/tasks/alice/${task.id}/pause`, { "Coder-Session-Token": WALL }],
      ["GET", `/api/v2/tasks/alice/${task.id}/logs`, { "Coder-Session-Token": WALL }],
    ];
    for (const [method, path, headers] of cases) {
      const reply = await fetchReply(url + path, { method, headers });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.message).toBe("The wall token may only read the task list.");
    }
    expect(t.sim.store.workspaces.get(task.workspace_id)?.builds).toHaveLength(1);
  });

  it("still lets people sign in and act with their own sessions", async () => {
    const { t, url } = await wallServer("simulator");
    const task = await idleTask(t);
    const login = await fetchReply(`${url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "alice@example.com", password: "demo-password" }),
    });
    expect(login.status).toBe(201);
    const own = { "Coder-Session-Token": login.body.session_token };
    const mine = await fetchReply(`${url}/api/v2/tasks`, { headers: own });
    expect(new Set(mine.body.tasks.map((x: { owner_name: string }) => x.owner_name))).toEqual(new Set(["alice"]));
    expect((await fetchReply(`${url}/api/v2/tasks/alice/${task.id}/pause`, { method: "POST", headers: own })).status).toBe(202);
  });

  it("refuses a simulator token that is not in Coder's form", async () => {
    const t = await startSim();
    expect(() => t.sim.registerApiKey("short", "admin")).toThrow(/must look like Coder's/);
  });
});
