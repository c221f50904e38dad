import { screen, within } from "@testing-library/react";
import { deriveStatus } from "../../server/sim/derive.ts";
import type { Simulator } from "../../server/sim/simulator.ts";
import type { Task } from "../../server/sim/model.ts";

/** The simulator's own view of a user's live tasks, with their derived status. */
export function liveTasks(sim: Simulator, username?: string): (Task & { status: string; state: string | undefined })[] {
  const owner = username ? sim.store.userByUsername(username) : undefined;
  return [...sim.store.tasks.values()]
    .filter((t) => t.deletedAt === null && (!owner || t.ownerId === owner.id))
    .map((t) => {
      const ws = sim.store.workspaceOf(t);
      const last = ws?.appStatuses.at(-1);
      return { ...t, status: deriveStatus(ws), state: last?.state };
    });
}

/** The task links in the table body, in order. */
export function rowNames(): string[] {
  const table = screen.getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).queryAllByRole("link")[0]?.textContent ?? "")
    .filter(Boolean);
}

export function toggle(name: RegExp) {
  return within(screen.getByRole("group", { name: "Filter by status" })).getByRole("button", { name });
}

/** When each task waiting for input (a user's, or everyone's) went idle, by display name, from the simulator's own report history. */
export function idleStarts(sim: Simulator, username?: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (const task of liveTasks(sim, username).filter((t) => t.status === "active" && t.state === "idle")) {
    const ws = sim.store.workspaceOf(task);
    const start = ws?.builds.filter((b) => b.transition === "start").at(-1)?.createdAt ?? 0;
    let since = Infinity;
    for (const status of [...(ws?.appStatuses ?? [])].reverse()) {
      if (status.state !== "idle" || status.createdAt < start) break;
      since = status.createdAt;
    }
    starts.set(task.displayName, since);
  }
  return starts;
}
