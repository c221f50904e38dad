import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { newSimulator, renderApp } from "../../../support/render.tsx";
import { taskIn } from "../../../support/sim-tasks.ts";

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

  it("opens a task named in the URL at its id, and links a GitHub pull request as org/repo#n", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "idle");
    sim.engine.reportAppStatus(ws, "complete", "Opened a PR", "https://github.com/acme/api/pull/42");
    const { router } = renderApp(`/tasks/alice/${task.name}`, { as: "alice", sim });
    const link = await screen.findByRole("link", { name: "acme/api#42" });
    expect(link).toHaveAttribute("href", "https://github.com/acme/api/pull/42");
    expect(router.state.location.pathname).toBe(`/tasks/alice/${task.id}`);
  });

  it.each([
    ["an id", (id: string) => id],
    ["a name", () => "no-such-task"],
  ])("says at once when a task named by %s does not exist or is not visible", async (_, path) => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    renderApp(`/tasks/alice/${path(task.id)}`, { as: "bob", sim });
    expect(await screen.findByRole("heading", { name: "Task not found, or you don't have access" })).toBeInTheDocument();
  });

  it("shows the server's error with Try again when the task cannot be loaded, and loads it on retry", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    server.use(
      http.get(/\/api\/v2\/tasks\/alice\/[^/]+$/, () => HttpResponse.json({ message: "Internal error fetching task." }, { status: 500 }), {
        once: true,
      }),
    );
    const { user } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Internal error fetching task.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "UI test task" })).toBeInTheDocument();
  });

  it("keeps the task on screen with a stale notice when a refresh fails", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    const { queryClient } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    await screen.findByRole("heading", { level: 1, name: "UI test task" });
    server.use(
      http.get(/\/api\/v2\/tasks\/alice\/[^/]+$/, () =>
        HttpResponse.json({ message: "Service temporarily unavailable." }, { status: 503 }),
      ),
    );
    await queryClient.refetchQueries({ queryKey: ["tasks", "detail", task.id], exact: true });
    await waitFor(() => expect(screen.getByText(/it may be out of date/)).toBeInTheDocument());
    expect(screen.getByRole("heading", { level: 1, name: "UI test task" })).toBeInTheDocument();
  });
});
