import { describe, expect, it } from "vitest";
import { startSim } from "../../support/sim-server.ts";

const LIMITED = { message: "You've been rate limited for sending more than 3 requests in 1m0s." };

describe("the API rate limit (deployment reference §7)", () => {
  it("counts per user and path, answers 429 with Coder's body and headers, and lets up as the minute slides", async () => {
    const t = await startSim({ rateLimit: 3 });
    const alice = t.as("alice");
    const first = await alice.get("/api/v2/tasks");
    expect(first.headers.get("x-ratelimit-limit")).toBe("3");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("2");
    const reset = Number(first.headers.get("x-ratelimit-reset"));
    expect(reset * 1000).toBeGreaterThan(t.sim.clock.now());
    expect(reset * 1000 - t.sim.clock.now()).toBeLessThanOrEqual(60_000);
    await alice.get("/api/v2/tasks");
    await alice.get("/api/v2/tasks");
    const refused = await alice.get("/api/v2/tasks");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(LIMITED);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another path, and another user, have budgets of their own.
    expect((await alice.get("/api/v2/users/me")).status).toBe(200);
    expect((await t.as("bob").get("/api/v2/tasks")).status).toBe(200);
    // Two minutes on, the window has slid past every request.
    t.advance(120_000);
    expect((await alice.get("/api/v2/tasks")).status).toBe(200);
  });

  it("weighs the previous minute by how much of this one is left", async () => {
    const t = await startSim({ rateLimit: 3 });
    t.advance(60_000 - (t.sim.clock.now() % 60_000));
    for (let i = 0; i < 3; i++) expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(200);
    t.advance(60_000);
    expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(429);
    t.advance(40_000);
    // A third of the last minute's 3 remains: one more request fits.
    expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(200);
    expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(200);
    expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(429);
  });

  it("counts everyone behind one address together before v2.32", async () => {
    const t = await startSim({ rateLimit: 3, version: "v2.31.14" });
    for (let i = 0; i < 3; i++) expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(200);
    expect((await t.as("bob").get("/api/v2/tasks")).status).toBe(429);
  });

  it("lets a site owner skip it with the bypass header, and answers anyone else's with 428", async () => {
    const t = await startSim({ rateLimit: 1 });
    const bypass = { "X-Coder-Bypass-Ratelimit": "true" };
    for (let i = 0; i < 3; i++) expect((await t.as("admin").get("/api/v2/tasks", bypass)).status).toBe(200);
    const refused = await t.as("alice").get("/api/v2/tasks", bypass);
    expect(refused.status).toBe(428);
    expect(refused.text).toBe('"X-Coder-Bypass-Ratelimit" provided but user is not owner');
  });

  it("is off when negative", async () => {
    const t = await startSim({ rateLimit: -1 });
    for (let i = 0; i < 10; i++) expect((await t.as("alice").get("/api/v2/tasks")).status).toBe(200);
  });
});
