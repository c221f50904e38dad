import { describe, expect, it } from "vitest";
import { computeInsights, outcomeOf, spread, type History } from "../../../src/lib/insights.ts";
import type { Task, WorkspaceAppStatus, WorkspaceBuild } from "../../../src/wire/types.ts";

const MIN = 60_000;
const now = new Date(2026, 10, 20, 18, 0).getTime();
const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN).toISOString();

function task(fields: Partial<Task>): Task {
  return {
    id: "t1",
    owner_name: "alice",
    template_name: "claude-code",
    template_display_name: "Claude Code",
    created_at: at(600),
    updated_at: at(0),
    status: "active",
    current_state: null,
    workspace_status: "running",
    workspace_agent_lifecycle: "ready",
    workspace_agent_health: { healthy: true },
    ...fields,
  } as Task;
}

/** Reports oldest first, as [minutes ago, state]; the history holds them newest first, as Coder sends them. */
function history(reports: [number, WorkspaceAppStatus["state"]][], builds: [number, "start" | "stop"][] = [[600, "start"]]): History {
  const statuses = reports.map(([ago, state], i) => ({ id: String(i), created_at: at(ago), state }) as WorkspaceAppStatus).reverse();
  const made = builds.map(
    ([ago, transition], i) =>
      ({
        build_number: i + 1,
        created_at: at(ago),
        transition,
        reason: "initiator",
        job: { status: "succeeded" },
        resources: [],
      }) as unknown as WorkspaceBuild,
  );
  return { builds: made.reverse(), statuses, appUnhealthy: false };
}

describe("insights", () => {
  it("takes nearest-rank percentiles", () => {
    expect(spread([])).toEqual({ count: 0, p50: null, p90: null });
    expect(spread([5, 1, 3, 2, 4])).toEqual({ count: 5, p50: 3, p90: 5 });
  });

  it("names each task's outcome from its status and its agent's last word", () => {
    expect(outcomeOf({ status: "error", current_state: null })).toBe("error");
    expect(outcomeOf({ status: "paused", current_state: { state: "complete" } as Task["current_state"] })).toBe("completed");
    expect(outcomeOf({ status: "active", current_state: { state: "failed" } as Task["current_state"] })).toBe("failed");
    expect(outcomeOf({ status: "active", current_state: { state: "idle" } as Task["current_state"] })).toBe("open");
  });

  it("measures a person's answer from the start of the agent's wait, counts a pause as paused, and the first report from creation", () => {
    // Created 600 min ago; first report 590; idle at 500 (and again at 490); paused 450–400, where it reports
    // idle again on resuming; working again at 380; idle since 300.
    const h = history(
      [
        [590, "working"],
        [500, "idle"],
        [490, "idle"],
        [400, "idle"],
        [380, "working"],
        [300, "idle"],
      ],
      [
        [600, "start"],
        [450, "stop"],
        [400, "start"],
      ],
    );
    const t = task({ current_state: { state: "idle" } as Task["current_state"] });
    const insights = computeInsights([t], new Map([["t1", h]]), now, 7);
    expect(insights.response.all).toEqual({ count: 1, p50: 120 * MIN, p90: 120 * MIN });
    expect([...insights.response.byOwner.keys()]).toEqual(["alice"]);
    expect(insights.firstReport.all.p50).toBe(10 * MIN);
    const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 60);
    // Working 590→500 and 380→300: 170 min. Waiting 500→380 less the 50-minute pause, and 300→now: 370 min.
    expect(sum(insights.hours.working)).toBe(170);
    expect(sum(insights.hours.waiting)).toBe(370);
    expect(sum(insights.hours.paused)).toBe(50);
    expect(insights.days).toHaveLength(7);
    expect(insights.created.open.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("counts only tasks created in the window, each failure once, by where it came from", () => {
    const old = task({ id: "old", created_at: new Date(now - 10 * 86_400_000).toISOString() });
    const build = task({ id: "b", status: "error", workspace_status: "failed" });
    const start = task({ id: "s", workspace_agent_lifecycle: "start_timeout" });
    const reported = task({ id: "r", current_state: { state: "failed" } as Task["current_state"] });
    const insights = computeInsights([old, build, start, reported], new Map(), now, 7);
    expect(insights.tasks).toBe(3);
    expect(insights.failures).toEqual({ build: 1, "agent-start": 1, "app-unhealthy": 0, "agent-failure": 1 });
    expect(insights.withHistory).toBe(0);
  });
});
