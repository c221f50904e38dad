import { describe, expect, it } from "vitest";
import { groupForWall, parseWallConfig, wallFigures } from "../../../src/lib/wall-groups.ts";
import type { Task } from "../../../src/wire/types.ts";
import { planWall } from "../../../src/lib/wall-layout.ts";

const counts = (needs: number, working: number, starting: number, paused: number, done: number) =>
  (
    [
      ["needs-you", needs],
      ["working", working],
      ["starting", starting],
      ["paused", paused],
      ["done", done],
    ] as const
  ).map(([group, count]) => ({ group, count }));

describe("the wall layout", () => {
  it("plans nothing, without failing, when there are no tasks", () => {
    expect(planWall(counts(0, 0, 0, 0, 0), 1920, 1000).columns).toEqual([]);
  });

  it("uses large tiles for a few tasks and leaves out empty groups", () => {
    const plan = planWall(counts(2, 1, 0, 0, 0), 1920, 1000);
    expect(plan.size).toBe("l");
    expect(plan.columns.map((c) => [c.group, c.visible, c.hidden])).toEqual([
      ["needs-you", 2, 0],
      ["working", 1, 0],
    ]);
  });

  it("shrinks tiles so 500 tasks fit a 1080p screen without hiding any", () => {
    // A 1920×1080 screen, less the wall's padding and header.
    const plan = planWall(counts(100, 150, 50, 100, 100), 1888, 992);
    expect(plan.size).toBe("xxs");
    expect(plan.columns.map((c) => c.hidden)).toEqual([0, 0, 0, 0, 0]);
    expect(plan.columns.reduce((n, c) => n + c.width, 0)).toBeLessThanOrEqual(1888);
  });

  it("past that, shows every task that needs attention and sums up the rest", () => {
    const plan = planWall(counts(60, 400, 40, 200, 300), 1248, 680);
    const needs = plan.columns.find((c) => c.group === "needs-you");
    expect(needs).toMatchObject({ visible: 60, hidden: 0 });
    const working = plan.columns.find((c) => c.group === "working");
    expect(working?.hidden).toBeGreaterThan(0);
    expect((working?.visible ?? 0) + (working?.hidden ?? 0)).toBe(400);
  });
});

describe("wall configuration", () => {
  it("reads owner, organization, statuses, privacy and stuck limits; nonsense falls back", () => {
    expect(parseWallConfig(new URLSearchParams("owner=bob&organization=platform&status=active,bogus&privacy=1&stuck-working=30"))).toEqual({
      owner: "bob",
      organization: "platform",
      statuses: ["active"],
      isPrivate: true,
      stuck: { startingMinutes: 10, workingMinutes: 30 },
    });
    expect(parseWallConfig(new URLSearchParams("owner=%3Cx%3E&stuck-initializing=-4")).stuck.startingMinutes).toBe(10);
  });
});

describe("the wall's figures", () => {
  it("counts what failed and finished since midnight, and the longest wait", () => {
    const now = new Date(2026, 11, 1, 15, 0).getTime();
    const at = (hour: number, day = 1) => new Date(2026, 11, day, hour, 0).toISOString();
    const task = (id: string, status: string, state: string | null, time: string) =>
      ({ id, status, updated_at: time, current_state: state ? { state, timestamp: time, message: "", uri: "" } : null }) as unknown as Task;
    const tasks = [
      task("a", "error", null, at(9)),
      task("b", "error", null, at(9, 0)),
      task("c", "active", "failed", at(14)),
      task("d", "active", "complete", at(1)),
      task("e", "active", "complete", at(23, 0)),
    ];
    const figures = wallFigures(groupForWall(tasks, new Map(), new Set()), tasks, new Map([["x", now - 3_600_000]]), now);
    expect(figures).toMatchObject({ failedToday: 2, doneToday: 1, longestWaitMs: 3_600_000, needsYou: 3 });
    expect(wallFigures([], [], new Map(), now).longestWaitMs).toBeNull();
  });
});
