import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../setup-ui.ts";
import { newSimulator, renderApp } from "./render.tsx";
import { taskIn } from "./sim-tasks.ts";

describe("the task page", () => {
  it("shows the task, its state and agent, and renders an unsafe uri as text", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "idle");
    sim.engine.reportAppStatus(ws, "idle", "Look here", "javascript:alert(document.cookie)");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByRole("heading", { name: "UI test task" })).toBeInTheDocument();
    const state = screen.getByRole("region", { name: "Current state" });
    expect(state).toHaveTextContent("Waiting for input: Look here");
    expect(within(state).getByText("javascript:alert(document.cookie)").tagName).toBe("P");
    expect(within(state).queryByRole("link")).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Agent" })).toHaveTextContent("Ready");
  });

  it("links a GitHub pull request as org/repo#n", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "idle");
    sim.engine.reportAppStatus(ws, "complete", "Opened a PR", "https://github.com/acme/api/pull/42");
    renderApp(`/tasks/alice/${task.name}`, { as: "alice", sim });
    const link = await screen.findByRole("link", { name: "acme/api#42" });
    expect(link).toHaveAttribute("href", "https://github.com/acme/api/pull/42");
  });

  it("says clearly when a task does not exist or is not visible", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    renderApp(`/tasks/alice/${task.id}`, { as: "bob", sim });
    expect(await screen.findByRole("heading", { name: "Task not found, or you don't have access" })).toBeInTheDocument();
  });

  it("pauses: the simulator runs a stop build and the page follows it", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "idle");
    const { user } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    await waitFor(() => expect(ws.builds.at(-1)?.transition).toBe("stop"));
    expect(ws.builds.at(-1)?.reason).toBe("task_manual_pause");
    // While the stop build runs the task reads "unknown", as in Coder.
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("Unknown"));
  });

  it("shows why a pause was refused", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    server.use(
      http.post(
        /\/pause$/,
        () =>
          HttpResponse.json(
            { message: "A workspace build is already active.", detail: "A workspace build is already active." },
            { status: 409 },
          ),
        { once: true },
      ),
    );
    const { user } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A workspace build is already active.");
  });

  it("hides pause and resume on a Coder without them", async () => {
    const sim = newSimulator({ version: "v2.30.0" });
    const { task } = taskIn(sim, "idle");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByRole("button", { name: "Delete" })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Pause" })).not.toBeInTheDocument());
  });

  it("deletes after confirmation and returns to the list", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    const { user, router } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    const confirm = screen.getByRole("group", { name: "Confirm delete" });
    expect(confirm).toHaveTextContent("Delete “UI test task” and its workspace?");
    await user.click(within(confirm).getByRole("button", { name: "Delete task" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/tasks"));
    expect(sim.store.tasks.get(task.id)?.deletedAt).not.toBeNull();
  });
});
