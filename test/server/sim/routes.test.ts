import { describe, expect, it } from "vitest";
import { createTask, fetchReply, idleTask, startSim } from "../../support/sim-server.ts";

describe("bad input", () => {
  it("caps bodies at 1 MiB with a 413 in Coder's shape", async () => {
    const t = await startSim();
    const reply = await t.as("alice").send("POST", "/api/v2/tasks/me", { input: "x".repeat(1024 * 1024 + 10) });
    expect(reply.status).toBe(413);
    expect(typeof reply.body.message).toBe("string");
  });

  it("answers malformed bodies on every write route with 400 and leaves state alone", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    const before = (await t.as("alice").get("/api/v2/tasks")).body;
    const base = `/api/v2/tasks/alice/${task.id}`;
    for (const [method, path] of [
      ["POST", "/api/v2/tasks/me"],
      ["POST", `${base}/send`],
      ["PATCH", `${base}/input`],
      ["POST", "/api/v2/users/login"],
    ] as const) {
      for (const body of ["{", "[]", "42", '"text"', '{"input": ["array"]}', "\u0000\u0001"]) {
        const reply = await t.as("alice").send(method, path, body);
        expect(reply.status, `${method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect(typeof reply.body.message).toBe("string");
      }
    }
    expect((await t.as("alice").get("/api/v2/tasks")).body).toEqual(before);
  });

  it("keeps hostile strings as data", async () => {
    const t = await startSim();
    const hostile = `<script>alert("x")</script>'; DROP TABLE tasks; -- \u202e ${"🙂".repeat(10)}`;
    const task = await createTask(t, "alice", hostile);
    expect(task.initial_prompt).toBe(hostile);
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${encodeURIComponent("<script>")}`)).status).toBe(404);
    expect((await t.as("alice").get(`/api/v2/tasks?q=${encodeURIComponent('owner:"<img src=x>"')}`)).status).toBe(400);
  });

  it("answers a wrong method on a known route as chi does: 405, empty body, Allow", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    // The reference's probe for pause (deployment §1.3): GET on the POST-only route, on a real task.
    const probe = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/pause`);
    expect(probe.status).toBe(405);
    expect(probe.text).toBe("");
    expect(probe.headers.get("allow")).toBe("POST");
    const list = await t.as("alice").send("PUT", "/api/v2/tasks");
    expect(list.status).toBe(405);
    expect(list.headers.get("allow")).toBe("GET");
    // Authentication runs first, as the task router's middleware does.
    expect((await t.anonymous.send("PUT", "/api/v2/tasks")).status).toBe(401);
  });

  it("answers a method the router does not know with 405 before anything else", async () => {
    const t = await startSim();
    const reply = await t.anonymous.send("PROPFIND", "/api/v2/tasks");
    expect(reply.status).toBe(405);
    expect(reply.text).toBe("");
  });

  it("has no pause route to probe before v2.31.1", async () => {
    const t = await startSim({ version: "v2.30.0" });
    const task = await idleTask(t);
    const probe = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/pause`);
    expect(probe.status).toBe(404);
    expect(probe.body).toEqual({ message: "Route not found." });
  });

  it("answers unknown /api routes with Coder's 404 JSON", async () => {
    const t = await startSim();
    const reply = await t.as("alice").get("/api/v2/nothing-here");
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: "Route not found." });
  });
});

describe("faults and latency on demand", () => {
  it("fails the asked fraction of /api requests with 500 or 503 in Coder's shape", async () => {
    const t = await startSim({ faultRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetchReply(`${t.url}/api/v2/buildinfo`)).status);
    const failed = statuses.filter((s) => s === 500 || s === 503).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    expect(new Set(statuses)).toEqual(new Set([200, 500, 503]));
  });

  it("adds latency", async () => {
    const t = await startSim({ latencyMs: 120 });
    const started = performance.now();
    await fetchReply(`${t.url}/api/v2/buildinfo`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("older Coder versions", () => {
  it("before v2.29 has tasks only under /api/experimental", async () => {
    const t = await startSim({ version: "v2.28.3" });
    const stable = await t.as("alice").get("/api/v2/tasks");
    expect(stable.status).toBe(404);
    expect(stable.body.message).toBe("Route not found.");
    expect((await t.as("alice").get("/api/experimental/tasks")).status).toBe(200);
  });

  it("before v2.31.1 has no pause or resume", async () => {
    const t = await startSim({ version: "v2.30.0" });
    const task = await idleTask(t);
    const reply = await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/pause`);
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe("Route not found.");
  });
});
