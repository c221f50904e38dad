import { describe, expect, it } from "vitest";
import { featuresOf } from "../../../server/sim/features.ts";
import { fetchReply, idleTask, startSim, type TestSim } from "../../support/sim-server.ts";

const ROUTE_NOT_FOUND = { message: "Route not found." };

/** A working agent of alice's, so a send meets a busy agent. */
async function workingTask(t: TestSim) {
  const task = await idleTask(t);
  // A request plays what came due, so the report below is the latest.
  await t.as("alice").get("/api/v2/buildinfo");
  const ws = t.sim.store.workspaces.get(task.workspace_id);
  const stored = t.sim.store.tasks.get(task.id);
  if (!ws || !stored) throw new Error("the task has a workspace");
  t.sim.engine.reportAppStatus(ws, "working", "Busy", "");
  return { task, ws, stored };
}

describe("what each Coder version has (deployment reference §1.2, §1.4, §10)", () => {
  it("names its version on every answer, a 404 included", async () => {
    const t = await startSim({ version: "v2.34.5+1a2b3c4" });
    for (const path of ["/api/v2/buildinfo", "/api/v2/nothing", "/api/v2/tasks"]) {
      expect((await fetchReply(t.url + path)).headers.get("x-coder-build-version"), path).toBe("v2.34.5+1a2b3c4");
    }
  });

  it("has pause and resume only under /api/experimental on v2.31.0, under both from v2.31.1, nowhere before", async () => {
    for (const [version, stable, experimental] of [
      ["v2.30.4", 404, 404],
      ["v2.31.0", 404, 202],
      ["v2.31.1", 202, 202],
    ] as const) {
      const t = await startSim({ version });
      for (const [prefix, expected] of [
        ["/api/v2", stable],
        ["/api/experimental", experimental],
      ] as const) {
        const task = await idleTask(t);
        const reply = await t.as("alice").send("POST", `${prefix}/tasks/alice/${task.id}/pause`);
        expect(reply.status, `${version} ${prefix}`).toBe(expected);
        if (expected === 404) expect(reply.body).toEqual(ROUTE_NOT_FOUND);
      }
    }
  });

  it("answers a send to a busy agent with 502 before v2.32 and 409 from it", async () => {
    for (const [version, status] of [
      ["v2.31.14", 502],
      ["v2.32.0", 409],
    ] as const) {
      const t = await startSim({ version });
      const { task } = await workingTask(t);
      const reply = await t.as("alice").send("POST", `/api/v2/tasks/alice/${task.id}/send`, { input: "Hello" });
      expect(reply.status, version).toBe(status);
      expect(reply.body).toEqual({ message: "Task app is not ready to accept input.", detail: "Status: running" });
    }
  });

  it("reports an agent's failure as failure before v2.32 and as failed from it", async () => {
    for (const [version, state] of [
      ["v2.31.14", "failure"],
      ["v2.33.1", "failed"],
    ] as const) {
      const t = await startSim({ version });
      const { task, ws } = await workingTask(t);
      t.sim.engine.reportAppStatus(ws, "failure", "Blocked", "");
      const reply = await t.as("alice").get(`/api/v2/tasks/alice/${task.id}`);
      expect(reply.body.current_state.state, version).toBe(state);
    }
  });

  it("turns every task route off on v2.37 unless enabled, and off for good from v2.38", async () => {
    for (const [version, enabled, on] of [
      ["v2.36.1", false, true],
      ["v2.37.0", false, false],
      ["v2.37.0", true, true],
      ["v2.38.0", true, false],
    ] as const) {
      const t = await startSim({ version, enableAiTasks: enabled });
      for (const path of ["/api/v2/tasks", "/api/v2/tasks/me", "/api/experimental/tasks", "/api/experimental/tasks/me"]) {
        const reply = await t.as("alice").get(path);
        if (on) expect(reply.status, `${version} ${enabled} ${path}`).not.toBe(404);
        else expect([reply.status, reply.body], `${version} ${enabled} ${path}`).toEqual([404, ROUTE_NOT_FOUND]);
      }
      const snapshot = await fetchReply(`${t.url}/api/v2/workspaceagents/me/tasks/00000000-0000-4000-8000-000000000000/log-snapshot`, {
        method: "POST",
      });
      if (on) expect(snapshot.status).toBe(401);
      else expect([snapshot.status, snapshot.body]).toEqual([404, ROUTE_NOT_FOUND]);
      // What keeps working with tasks off: sign-in, build info, the agent's app status.
      expect((await t.as("alice").get("/api/v2/users/me")).status).toBe(200);
    }
  });

  it("gives a development build everything", () => {
    expect(featuresOf("v0.0.0-devel+abc1234", false)).toMatchObject({
      tasks: true,
      stableTasks: true,
      pauseUnderStable: true,
      busySendStatus: 409,
      failedState: "failed",
    });
  });
});
