import { describe, expect, it } from "vitest";
import { sortTasks } from "../../../src/lib/task-filters.ts";
import { idleSince, waitingSince } from "../../../src/lib/waiting.ts";
import type { Task, Workspace, WorkspaceAppStatus } from "../../../src/wire/types.ts";

const T = Date.parse("2026-12-01T10:00:00Z");
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const report = (minutes: number, state: string) => ({ created_at: at(minutes), state }) as WorkspaceAppStatus;
const startedAt = (minutes: number) => ({ latest_build: { transition: "start", created_at: at(minutes) } }) as Workspace;

const task = (id: string, state: string | null, minutes: number, status = "active") =>
  ({
    id,
    status,
    created_at: at(0),
    current_state: state === null ? null : { state, timestamp: at(minutes), message: "", uri: "" },
  }) as unknown as Task;

describe("how long a task has waited for a person", () => {
  it("counts from the first of the agent's latest idle reports, not before its current start", () => {
    // Newest first, as Coder sends them.
    expect(idleSince(startedAt(0), [report(30, "idle"), report(20, "idle"), report(10, "working")])).toBe(T + 20 * 60_000);
    expect(idleSince(startedAt(25), [report(30, "idle"), report(20, "idle")])).toBe(T + 30 * 60_000);
    expect(idleSince(startedAt(0), [report(30, "working")])).toBeNull();
  });

  it("uses the history when known and the latest report otherwise, only for tasks waiting for input", () => {
    expect(waitingSince(task("a", "idle", 30), T)).toBe(T);
    expect(waitingSince(task("a", "idle", 30), undefined)).toBe(T + 30 * 60_000);
    expect(waitingSince(task("a", "idle", 30, "paused"), T)).toBeNull();
    expect(waitingSince(task("a", "working", 30), T)).toBeNull();
  });

  it("puts the longest wait first among the tasks that need a person", () => {
    const tasks = [task("working", "working", 1), task("short", "idle", 50), task("failed", "failed", 5), task("long", "idle", 10)];
    const waits = new Map([
      ["short", T + 50 * 60_000],
      ["long", T + 10 * 60_000],
    ]);
    expect(sortTasks(tasks, "attention", "desc", waits).map((t) => t.id)).toEqual(["long", "short", "failed", "working"]);
  });
});
