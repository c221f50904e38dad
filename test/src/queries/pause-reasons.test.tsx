import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { latestBuild } from "../../../server/sim/derive.ts";
import type { Simulator } from "../../../server/sim/simulator.ts";
import { liveTasks } from "../../support/list-helpers.ts";
import { newSimulator, renderApp } from "../../support/render.tsx";

/** Seeded paused tasks of `owner` whose stop build has `reason`. */
function pausedBy(sim: Simulator, owner: string, reason: string) {
  return liveTasks(sim, owner).filter((t) => {
    const ws = sim.store.workspaceOf(t);
    return t.status === "paused" && ws && latestBuild(ws)?.reason === reason;
  });
}

beforeEach(() => {
  Object.defineProperty(window, "innerWidth", { value: 1920, configurable: true });
  Object.defineProperty(window, "innerHeight", { value: 1080, configurable: true });
});

describe("why a task paused, in the same words on the list, the wall and the task page", () => {
  it("says which paused themselves and who paused the others, on the list", async () => {
    const sim = newSimulator();
    const auto = pausedBy(sim, "alice", "task_auto_pause");
    const manual = pausedBy(sim, "alice", "task_manual_pause");
    expect(auto.length).toBeGreaterThan(0);
    expect(manual.length).toBeGreaterThan(0);
    renderApp("/tasks?status=paused", { as: "alice", sim });
    const rowOf = async (name: string) => (await screen.findByRole("link", { name })).closest("tr") as HTMLElement;
    for (const t of auto) expect(await within(await rowOf(t.displayName)).findByText(/Paused itself \(idle timeout\)/)).toBeInTheDocument();
    for (const t of manual) expect(await within(await rowOf(t.displayName)).findByText(/Paused by you/)).toBeInTheDocument();
  });

  it("names the person on the wall of someone who sees everyone's tasks", async () => {
    const sim = newSimulator();
    const [bobs] = pausedBy(sim, "bob", "task_manual_pause");
    if (!bobs) throw new Error("the seed has no task bob paused");
    renderApp("/wall", { as: "admin", sim });
    const tile = (await screen.findByText(bobs.displayName)).closest("li") as HTMLElement;
    expect(await within(tile).findByText(/Paused by bob/)).toBeInTheDocument();
  });

  it("says so beside the status on the task page, with when", async () => {
    const sim = newSimulator();
    const [auto] = pausedBy(sim, "alice", "task_auto_pause");
    if (!auto) throw new Error("the seed has no auto-paused task of alice's");
    renderApp(`/tasks/alice/${auto.id}`, { as: "alice", sim });
    // The header says it with when; the timeline says it too, as one of the task's events.
    const notes = await screen.findAllByText(/Paused itself \(idle timeout\)/);
    const note = notes.find((n) => within(n).queryByRole("time") !== null);
    expect(note && within(note).getByRole("time")).toHaveTextContent(/ago|yesterday/);
  });
});
