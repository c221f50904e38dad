import { describe, expect, it } from "vitest";
import { idleTask, startSim, type TestSim } from "../../../support/sim-server.ts";

const UNREACHABLE = { message: "Failed to reach task app endpoint.", detail: "dial workspace agent: context deadline exceeded" };

async function unreachableTask(t: TestSim) {
  const task = await idleTask(t);
  const set = await t.as("admin").send("POST", `/sim/tasks/${task.id}/agent`, { reachable: false });
  expect(set.status).toBe(200);
  return task;
}

/** Starts a request, plays 30 s of simulated time (another request plays what came due), and gives its answer. */
async function afterTheDial(t: TestSim, started: Promise<{ status: number; body: unknown }>) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.advance(30_000);
  await t.as("admin").get("/api/v2/buildinfo");
  return started;
}

describe("an agent coderd cannot reach (deployment reference §8)", () => {
  it("makes a send wait out the 30 s dial and answer 502, sending nothing", async () => {
    const t = await startSim();
    const task = await unreachableTask(t);
    const before = t.sim.store.tasks.get(task.id)?.conversation.messages.length;
    let settled = false;
    const pending = t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/send`, { input: "Are you there?" });
    void pending.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    const reply = await afterTheDial(t, pending);
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual(UNREACHABLE);
    expect(t.sim.store.tasks.get(task.id)?.conversation.messages.length).toBe(before);
  });

  it("makes live logs do the same, and answers at once again once the agent is back", async () => {
    const t = await startSim();
    const task = await unreachableTask(t);
    const reply = await afterTheDial(t, t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`));
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual(UNREACHABLE);
    await t.as("admin").send("POST", `/sim/tasks/${task.id}/agent`, { reachable: true });
    expect((await t.as("alice").get(`/api/v2/tasks/alice/${task.id}/logs`)).status).toBe(200);
  });

  it("is set through /sim by the site owner only, with its input checked", async () => {
    const t = await startSim();
    const task = await idleTask(t);
    expect((await t.as("alice").send("POST", `/sim/tasks/${task.id}/agent`, { reachable: false })).status).toBe(403);
    const bad = await t.as("admin").send("POST", `/sim/tasks/${task.id}/agent`, { reachable: "no" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe("Request body must be valid JSON.");
    const missing = await t.as("admin").send("POST", `/sim/tasks/${task.id}/agent`, {});
    expect(missing.body.validations).toEqual([{ field: "reachable", detail: "reachable must be true or false" }]);
  });
});
