import { describe, expect, it } from "vitest";
import { agentState, isWaitingForInput, needsAttention, taskActions, taskPhase } from "../../../src/lib/task-phase.ts";
import type { Task, TaskStatus } from "../../../src/wire/types.ts";

type Shape = Pick<Task, "status" | "current_state" | "workspace_status">;

const task = (status: string, state?: string, workspace_status?: string): Shape =>
  ({
    status,
    current_state: state === undefined ? null : { state, message: "", uri: "", timestamp: "2026-11-22T12:00:00Z" },
    workspace_status,
  }) as Shape;

describe("a task's phase", () => {
  it.each([
    ["active", "idle", "needs-person"],
    ["active", "working", "working"],
    ["active", undefined, "working"],
    ["active", "complete", "done"],
    ["active", "failed", "error"],
    ["error", "working", "error"],
    ["pending", undefined, "starting"],
    ["initializing", "working", "starting"],
    ["paused", "idle", "paused"],
    ["unknown", "idle", "unknown"],
    // A newer Coder's values read as unknown rather than throwing.
    ["active", "awaiting_approval", "unknown"],
    ["hibernating", undefined, "unknown"],
  ])("%s with the agent %s is %s", (status, state, phase) => {
    expect(taskPhase(task(status, state))).toBe(phase);
  });

  it("says waiting for input only while active, and needs a person for failures too", () => {
    expect(isWaitingForInput(task("active", "idle"))).toBe(true);
    expect(isWaitingForInput(task("paused", "idle"))).toBe(false);
    expect(needsAttention(task("active", "failed"))).toBe(true);
    expect(needsAttention(task("error"))).toBe(true);
    expect(needsAttention(task("active", "working"))).toBe(false);
    expect(agentState(task("active", "awaiting_approval"))).toBe("unknown");
    expect(agentState(task("active"))).toBeNull();
  });
});

describe("what Coder accepts", () => {
  const caps = { pauseResume: true };

  it("refuses pause, resume and delete while a build runs, saying why", () => {
    for (const workspace of ["pending", "starting", "stopping", "deleting", "canceling"]) {
      const actions = taskActions(task("unknown", undefined, workspace), caps);
      expect(actions.pause.blockedBy, workspace).toMatch(/build is running/);
      expect(actions.resume.blockedBy, workspace).toMatch(/build is running/);
      expect(actions.remove.blockedBy, workspace).toMatch(/build is running/);
    }
  });

  it("offers resume only where the workspace is not running", () => {
    expect(taskActions(task("paused", "idle", "stopped"), caps).resume).toEqual({ offered: true, blockedBy: null });
    expect(taskActions(task("error", undefined, "failed"), caps).resume).toEqual({ offered: true, blockedBy: null });
    expect(taskActions(task("error", "working", "running"), caps).resume.blockedBy).toBe("The workspace is already running.");
    expect(taskActions(task("active", "idle", "running"), caps).resume.offered).toBe(false);
  });

  it("serves logs and takes messages as Coder does for each status", () => {
    const expected: Record<TaskStatus, [string | null, string | null]> = {
      active: ["live", "now"],
      paused: ["snapshot", "resume-first"],
      pending: ["snapshot", "when-ready"],
      initializing: ["snapshot", "when-ready"],
      error: [null, null],
      unknown: [null, null],
    };
    for (const [status, [logs, send]] of Object.entries(expected)) {
      const actions = taskActions(task(status, "idle", status === "paused" ? "stopped" : "running"), caps);
      expect([actions.logs, actions.send], status).toEqual([logs, send]);
    }
  });

  it("offers no pause or resume where the deployment lacks them", () => {
    const actions = taskActions(task("paused", "idle", "stopped"), { pauseResume: false });
    expect(actions.pause.offered).toBe(false);
    expect(actions.resume.offered).toBe(false);
    expect(actions.send).toBeNull();
  });
});
