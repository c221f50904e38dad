import type { Plan } from "../../server/sim/engine.ts";
import type { Simulator } from "../../server/sim/simulator.ts";

const CALM: Plan = { build: "succeed", agent: "ready", finish: "idle", pullRequest: false, after: "none" };

export type Situation = "pending" | "idle" | "working" | "paused" | "error" | "unknown";

/** Plays the simulator forward, as time passing would. */
export function advance(sim: Simulator, ms: number): void {
  sim.clock.advance(ms);
  sim.engine.scheduler.runDue();
}

/**
 * A new task of `username`'s ("UI test task"), brought into a situation through the engine and its clock,
 * the way a deployment gets there.
 */
export function taskIn(sim: Simulator, situation: Situation, username = "alice") {
  const owner = sim.store.userByUsername(username);
  const template = [...sim.store.templates.values()].find((t) => t.name === "claude-code");
  if (!owner || !template) throw new Error("the seed has alice and claude-code");
  const created = sim.engine.createTask(
    {
      orgId: template.orgId,
      ownerId: owner.id,
      name: `ui-test-${situation}`,
      displayName: "UI test task",
      prompt: "Check the page",
      templateVersionId: template.activeVersionId,
      presetId: null,
    },
    owner.id,
    situation === "error" ? { ...CALM, build: "fail" } : CALM,
  );
  const { task, ws } = created;
  if (situation === "pending") return created;
  if (situation === "working") {
    advance(sim, 12_000);
    return created;
  }
  advance(sim, 30_000);
  if (situation === "paused" || situation === "unknown") {
    sim.engine.stopBuild(task, ws, owner.id, "task_manual_pause");
    advance(sim, situation === "paused" ? 3_000 : 700);
  }
  return created;
}
