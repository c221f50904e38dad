import { describe, expect, it } from "vitest";
import { buildTimeline } from "../../../src/lib/timeline.ts";
import type { WorkspaceAppStatus, WorkspaceBuild } from "../../../src/wire/types.ts";

const T = Date.parse("2026-12-01T10:00:00Z");
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

const build = (n: number, minutes: number, transition: string, reason: string, status = "succeeded") =>
  ({
    build_number: n,
    created_at: at(minutes),
    updated_at: at(minutes),
    transition,
    reason,
    initiator_name: "alice",
    job: { status, ...(status === "failed" ? { error: "quota exceeded", completed_at: at(minutes + 1) } : {}) },
  }) as unknown as WorkspaceBuild;

const report = (minutes: number, state: string, message: string, uri = "") =>
  ({ created_at: at(minutes), state, message, uri }) as unknown as WorkspaceAppStatus;

describe("the task's timeline", () => {
  it("tells starts, reports, pauses and resumes in order, and adds up working, waiting for a person and paused", () => {
    const builds = [build(3, 70, "start", "task_resume"), build(2, 40, "stop", "task_auto_pause"), build(1, 0, "start", "initiator")];
    // Newest first, as Coder sends them; a link only when it is http or https.
    const statuses = [
      report(71, "idle", "Resumed"),
      report(10, "idle", "Ready for review", "https://github.com/acme/api/pull/7"),
      report(2, "working", "Reading", "javascript:alert(1)"),
    ];
    const { events, totals } = buildTimeline(builds, statuses, T + 80 * 60_000, "alice");
    expect(events.map((e) => e.text)).toEqual([
      "Created by you",
      "Working: Reading",
      "Waiting for input: Ready for review",
      "Paused itself (idle timeout)",
      "Resumed by you",
      "Waiting for input: Resumed",
    ]);
    expect(events[1]?.uri).toBeNull();
    expect(events[2]?.uri).toBe("https://github.com/acme/api/pull/7");
    expect(totals).toEqual({ working: 8 * 60_000, waiting: (30 + 9) * 60_000, paused: 30 * 60_000 });
  });

  it("counts a pause after the agent finished as the task's being done, not as paused", () => {
    const builds = [build(2, 30, "stop", "task_auto_pause"), build(1, 0, "start", "initiator")];
    const statuses = [report(20, "complete", "Done"), report(2, "working", "Reading")];
    const { totals } = buildTimeline(builds, statuses, T + 90 * 60_000, "alice");
    expect(totals).toEqual({ working: 18 * 60_000, waiting: 0, paused: 0 });
  });

  it("says when a build failed, and why", () => {
    const { events } = buildTimeline([build(1, 0, "start", "initiator", "failed")], [], T + 5 * 60_000, "bob");
    expect(events.map((e) => e.text)).toEqual(["Created by alice", "Build failed: quota exceeded"]);
  });
});
