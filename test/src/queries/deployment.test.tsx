import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { newSimulator, renderApp } from "../../support/render.tsx";
import { taskIn } from "../../support/sim-tasks.ts";

describe("which Coder this is", () => {
  it.each([
    ["/tasks", "v2.37.0"],
    ["/tasks/new", "v2.38.2"],
    ["/wall", "v2.37.1"],
  ])("says in plain words that %s has no Tasks on %s, instead of an error", async (path, version) => {
    renderApp(path, { as: "alice", sim: newSimulator({ version }) });
    expect(
      await screen.findByRole("heading", { name: `Coder Tasks is turned off on this deployment (Coder ${version}).` }),
    ).toBeInTheDocument();
    expect(screen.getByText(/an administrator can turn it back on with CODER_ENABLE_AI_TASKS=true/)).toBeInTheDocument();
    expect(screen.getByText(/Coder v2.29 to v2.36, the v2.34 extended-support release/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("works on v2.37 with Tasks turned on, and says it is going away", async () => {
    renderApp("/tasks", { as: "alice", sim: newSimulator({ version: "v2.37.0", enableAiTasks: true }) });
    expect(await screen.findByRole("table")).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent(
      "Tasks is on here through CODER_ENABLE_AI_TASKS, and later Coder releases remove it.",
    );
  });

  it("works with the experimental API of a Coder before v2.29, and says so", async () => {
    renderApp("/tasks", { as: "alice", sim: newSimulator({ version: "v2.28.4" }) });
    expect(await screen.findByRole("table")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("note")).toHaveTextContent("has only the experimental Tasks API"));
  });

  it("pauses on v2.31.0, where pause is only under /api/experimental", async () => {
    const sim = newSimulator({ version: "v2.31.0" });
    const { task, ws } = taskIn(sim, "idle");
    const { user } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    await waitFor(() => expect(ws.builds.at(-1)?.reason).toBe("task_manual_pause"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("reads an older Coder's failure as failed", async () => {
    const sim = newSimulator({ version: "v2.31.14" });
    const { task, ws } = taskIn(sim, "idle");
    sim.engine.reportAppStatus(ws, "failure", "Blocked: no credentials", "");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    const state = await screen.findByRole("region", { name: "Current state" });
    await waitFor(() => expect(state).toHaveTextContent("Failed: Blocked: no credentials"));
    expect(within(state).queryByText(/Unknown/)).not.toBeInTheDocument();
  });
});
