import { describe, expect, it } from "vitest";
import { DEFAULT_STUCK_LIMITS, stuckLimitsFrom, stuckOf } from "../../../src/lib/stuck.ts";
import type { Task } from "../../../src/wire/types.ts";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const task = (status: string, state: string | null, minutesAgo: number, lifecycle: string | null = "ready") =>
  ({
    status,
    workspace_agent_lifecycle: lifecycle,
    created_at: ago(minutesAgo),
    updated_at: ago(minutesAgo),
    current_state: state === null ? null : { state, timestamp: ago(minutesAgo), message: "", uri: "" },
  }) as unknown as Task;

describe("stuck", () => {
  it("is an agent that reports working with no new report past the limit", () => {
    expect(stuckOf(task("active", "working", 75), NOW, DEFAULT_STUCK_LIMITS)?.reason).toBe("No report for 1 h while working");
    expect(stuckOf(task("active", "working", 30), NOW, DEFAULT_STUCK_LIMITS)).toBeNull();
    expect(stuckOf(task("active", "idle", 500), NOW, DEFAULT_STUCK_LIMITS)).toBeNull();
  });

  it("is a start that takes longer than its template usually allows, never under the floor", () => {
    const starting = task("initializing", "working", 12, "starting");
    expect(stuckOf(starting, NOW, DEFAULT_STUCK_LIMITS)?.reason).toBe("Starting for 12 min");
    // A template that usually takes 10 minutes to start may take twice that.
    expect(stuckOf(starting, NOW, DEFAULT_STUCK_LIMITS, 10 * 60_000)).toBeNull();
    expect(stuckOf(task("initializing", "working", 25, "starting"), NOW, DEFAULT_STUCK_LIMITS, 10 * 60_000)?.reason).toBe(
      "Starting for 25 min (this template usually starts in 10 min)",
    );
    expect(stuckOf(task("pending", null, 5, null), NOW, DEFAULT_STUCK_LIMITS)).toBeNull();
  });

  it("is an agent that failed or timed out on start, at once; never a paused or errored task", () => {
    expect(stuckOf(task("active", "working", 1, "start_error"), NOW, DEFAULT_STUCK_LIMITS)?.reason).toBe("Its startup script failed");
    expect(stuckOf(task("active", "idle", 1, "start_timeout"), NOW, DEFAULT_STUCK_LIMITS)?.reason).toBe("Its agent took too long to start");
    expect(stuckOf(task("paused", "working", 500, "start_error"), NOW, DEFAULT_STUCK_LIMITS)).toBeNull();
    expect(stuckOf(task("error", "working", 500), NOW, DEFAULT_STUCK_LIMITS)).toBeNull();
  });

  it("takes its limits from a URL, ignoring nonsense", () => {
    expect(stuckLimitsFrom(new URLSearchParams("stuck-initializing=15&stuck-working=90"))).toEqual({
      startingMinutes: 15,
      workingMinutes: 90,
    });
    expect(stuckLimitsFrom(new URLSearchParams("stuck-initializing=-3&stuck-working=1.5"))).toEqual(DEFAULT_STUCK_LIMITS);
  });
});
