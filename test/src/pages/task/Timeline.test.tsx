import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { newSimulator, renderApp } from "../../../support/render.tsx";
import { advance, taskIn } from "../../../support/sim-tasks.ts";

describe("the task's timeline", () => {
  it("tells the whole story from Coder's records, with what the time went to, the same after a reload", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "paused");
    const alice = sim.store.userByUsername("alice")!;
    advance(sim, 10 * 60_000);
    sim.engine.startBuild(task, ws, alice.id, "task_resume");
    advance(sim, 30_000);

    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    const history = await screen.findByRole("list", { name: "Task history" });
    await waitFor(() => expect(within(history).getByText("Resumed by you")).toBeInTheDocument());
    const items = within(history)
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? "");
    // Newest first: the resume and what the agent said after it, the pause, the first run, its creation.
    expect(items.at(-1)).toMatch(/Created by you/);
    expect(items.some((text) => /Paused by you.*10 min \d+ s paused|Paused by you.*10 min paused/.test(text))).toBe(true);
    expect(items.some((text) => /Working: Reading the repository/.test(text))).toBe(true);
    expect(items.some((text) => /Waiting for input: Waiting for your answer/.test(text))).toBe(true);
    const totals = screen.getByRole("region", { name: "Timeline" });
    expect(within(totals).getByText("Paused").nextSibling).toHaveTextContent("10 min");

    cleanup();
    renderApp(`/tasks/alice/${task.id}`, { as: "admin", sim });
    const again = await screen.findByRole("list", { name: "Task history" });
    await waitFor(() => expect(within(again).getAllByRole("listitem")).toHaveLength(items.length));
    // Another viewer after a reload sees the same events ("you" becomes the name).
    expect(
      within(again)
        .getAllByRole("listitem")
        .map((item) => (item.textContent ?? "").replaceAll("alice", "you")),
    ).toEqual(items);
  });
});
