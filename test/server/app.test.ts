import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createServerApp } from "../../server/app.ts";
import { readConfig } from "../../server/config.ts";
import { CALM_RATES } from "../../server/sim/simulator.ts";
import { fetchReply, idleTask, listen, startSim } from "../support/sim-server.ts";

const SCRIPT = `console.log(${JSON.stringify("a build's script ".repeat(200))});`;

function fakeDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dist-"));
  writeFileSync(path.join(dir, "index.html"), `<!doctype html><div id=root></div><!-- ${"padding ".repeat(200)} -->`);
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "assets", "app.js"), SCRIPT);
  writeFileSync(path.join(dir, "assets", "app.js.br"), zlib.brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dir, "assets", "app.js.gz"), zlib.gzipSync(SCRIPT));
  return dir;
}

/** A raw HTTP request, for methods fetch cannot send and encodings it would undo. */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
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
    expect(asset.text).toBe(SCRIPT);
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

describe("compression and caching", () => {
  async function server() {
    const t = await startSim();
    return { t, url: await listen(createServerApp({ backend: { kind: "simulator", simulator: t.sim }, distDir: fakeDist() })) };
  }

  it("sends the build's precompressed assets as the browser accepts, cached for good", async () => {
    const { url } = await server();
    const br = await rawRequest(`${url}/assets/app.js`, "GET", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gz = await rawRequest(`${url}/assets/app.js`, "GET", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await rawRequest(`${url}/assets/app.js`, "GET");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it("compresses the page and never lets a browser cache it without asking", async () => {
    const { url } = await server();
    const page = await rawRequest(`${url}/tasks`, "GET", { "Accept-Encoding": "br" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain("<div id=root>");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers.vary).toContain("Accept-Encoding");
  });

  it("compresses API answers, negotiated, and they read the same", async () => {
    const { t, url } = await server();
    const headers = { "Coder-Session-Token": t.as("admin").token };
    const plain = await rawRequest(`${url}/api/v2/tasks`, "GET", { ...headers, "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const br = await rawRequest(`${url}/api/v2/tasks`, "GET", { ...headers, "Accept-Encoding": "gzip;q=0.5, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(br.body.length * 5).toBeLessThan(plain.body.length);
    const gz = await rawRequest(`${url}/api/v2/tasks`, "GET", { ...headers, "Accept-Encoding": "br;q=0, gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());
  });

  it("leaves small bodies alone", async () => {
    const { url } = await server();
    const reply = await rawRequest(`${url}/api/v2/buildinfo`, "GET", { "Accept-Encoding": "br" });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(reply.body.toString()).version).toMatch(/^v2\./);
  });

  it("answers methods it cannot forward with 405, not a crash", async () => {
    const { t, url } = await server();
    for (const path of ["/api/v2/tasks", "/sim/clock/advance", "/tasks"]) {
      const reply = await rawRequest(url + path, "TRACE", { "Coder-Session-Token": t.as("admin").token });
      expect(reply.status, path).toBe(405);
      expect(reply.body.length).toBe(0);
    }
    expect((await fetchReply(`${url}/api/v2/tasks`, { headers: { "Coder-Session-Token": t.as("admin").token } })).status).toBe(200);
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
    expect(readConfig({ SIM_CODER_VERSION: "v2.37.0", SIM_ENABLE_AI_TASKS: "1" }).simulator).toMatchObject({
      version: "v2.37.0",
      enableAiTasks: true,
    });
    expect(() => readConfig({ SIM_ENABLE_AI_TASKS: "yes" })).toThrow('SIM_ENABLE_AI_TASKS must be 1 or 0 (or true or false); got "yes".');
    expect(readConfig({ SIM_CALM: "1" }).simulator.rates).toEqual(CALM_RATES);
    expect(readConfig({ SIM_CALM: "0" }).simulator.rates).toBeUndefined();
    expect(readConfig({ SIM_HISTORY: "0" }).simulator.history).toBe(false);
    expect(readConfig({}).simulator.history).toBeUndefined();
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

  it.each(["simulator", "proxy"] as const)(
    "finds the wall token wherever Coder would look, and refuses it for anything but the list (%s)",
    async (kind) => {
      const { t, url } = await wallServer(kind);
      const task = await idleTask(t);
      const pause = `/api/v2/tasks/alice/${task.id}/pause`;
      const cases: [string, string, Record<string, string>][] = [
        // Coder reads the query parameter before the header: a dummy header does not hide the wall token.
        ["POST", `${pause}?coder_session_token=${WALL}`, { "Coder-Session-Token": "dummy" }],
        ["POST", `${pause}?access_token=${WALL}`, {}],
        ["POST", pause, { Authorization: `Bearer ${WALL}` }],
        ["POST", pause, { Cookie: `coder_session_token=${WALL}` }],
        ["GET", `/api/v2/users/me?coder_session_token=${WALL}`, {}],
        ["POST", `/api/v2/users/logout`, { "Coder-Session-Token": WALL }],
        ["GET", `/api/v2/tasks/alice/${task.id}?access_token=${WALL}`, { Authorization: "Bearer x" }],
      ];
      for (const [method, path, headers] of cases) {
        const reply = await fetchReply(url + path, { method, headers });
        expect(reply.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(reply.body.message).toBe("The wall token may only read the task list.");
      }
      expect(t.sim.store.workspaces.get(task.workspace_id)?.builds).toHaveLength(1);
      const list = await fetchReply(`${url}/api/v2/tasks?coder_session_token=${WALL}`, { headers: { "Coder-Session-Token": "dummy" } });
      expect(list.status).toBe(200);
    },
  );

  it("never lets the wall token near /sim", async () => {
    const { url } = await wallServer("simulator");
    for (const [path, headers] of [
      ["/sim/clock/advance", { "Coder-Session-Token": WALL }],
      [`/sim/clock/advance?coder_session_token=${WALL}`, {}],
      ["/sim/clock/advance", { Authorization: `Bearer ${WALL}` }],
    ] as const) {
      const reply = await fetchReply(url + path, { method: "POST", headers, body: JSON.stringify({ ms: 1000 }) });
      expect(reply.status, path).toBe(403);
    }
    const anonymous = await fetchReply(`${url}/sim/clock/advance`, { method: "POST", body: JSON.stringify({ ms: 1000 }) });
    expect(anonymous.status).toBe(401);
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
