import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { newSimulator, renderApp } from "../../../support/render.tsx";
import { advance, taskIn } from "../../../support/sim-tasks.ts";

describe("a starting task's page", () => {
  it("streams the build log, then the startup log by script, then hands over to the conversation", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "pending");
    advance(sim, 2_000);
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByRole("heading", { name: "Building the workspace" })).toBeInTheDocument();
    const buildLog = await screen.findByRole("log", { name: "Build log" });
    await waitFor(() => expect(buildLog).toHaveTextContent("Planning infrastructure"));
    expect(buildLog).not.toHaveTextContent("Starting workspace");
    expect(screen.getByText(/Building for \d+ s · this template usually takes about 8 s/)).toBeInTheDocument();

    // Lines arrive as the provisioner writes them.
    advance(sim, 600);
    await waitFor(() => expect(buildLog).toHaveTextContent("Starting workspace"));

    advance(sim, 1_500);
    expect(await screen.findByRole("heading", { name: "Running startup scripts" })).toBeInTheDocument();
    expect(await screen.findByText("Waiting for the agent to connect…")).toBeInTheDocument();
    advance(sim, 1_500);
    const startupLog = await screen.findByRole("log", { name: "Startup log" });
    await waitFor(() => expect(startupLog).toHaveTextContent("Git Clone"));
    expect(startupLog).toHaveTextContent("Cloning into '/home/coder/project'...");

    advance(sim, 4_000);
    await waitFor(() => expect(screen.queryByRole("log", { name: "Startup log" })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("region", { name: "Conversation" })).toHaveTextContent("Check the page"));
  });

  it("shows a failed build's error, with the log opened at its first error line", async () => {
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "error");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    const heading = await screen.findByRole("heading", { name: "The workspace build failed" });
    const alert = heading.closest<HTMLElement>("[role=alert]")!;
    const error = ws.builds[0]?.jobError ?? "";
    expect(error).not.toBe("");
    expect(alert).toHaveTextContent(`Coder says: ${error}`);
    const log = await screen.findByRole("log", { name: "Build log" });
    await waitFor(() => expect(within(log).getByText(`Error: ${error}`)).toBeInTheDocument());
    expect(log).toHaveTextContent("exit status 1");
  });

  it("shows a failing startup script's output, and searches the log", async () => {
    const sim = newSimulator();
    const owner = sim.store.userByUsername("alice")!;
    const template = [...sim.store.templates.values()].find((t) => t.name === "claude-code")!;
    const { task } = sim.engine.createTask(
      {
        orgId: template.orgId,
        ownerId: owner.id,
        name: "broken-setup",
        displayName: "Broken setup",
        prompt: "Go",
        templateVersionId: template.activeVersionId,
        presetId: null,
      },
      owner.id,
      { build: "succeed", agent: "start_error", finish: "idle", pullRequest: false, after: "none" },
    );
    advance(sim, 10_000);
    const { user } = renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByRole("heading", { name: "A startup script failed" })).toBeInTheDocument();
    const log = await screen.findByRole("log", { name: "Startup log" });
    await waitFor(() => expect(log).toHaveTextContent("setup-dev.sh: line 12: DATABASE_URL: unbound variable"));
    await user.type(screen.getByLabelText("Search the startup log"), "exited");
    expect(screen.getByText("1 of 1")).toBeInTheDocument();
    expect(within(log).getByText("exited").tagName).toBe("MARK");
  });
});

describe("push", () => {
  it("takes the task's changes from watch-ws, and polls again when the socket drops", async () => {
    // No interval timer ever fires: whatever reaches the page came by push.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const sim = newSimulator();
    const { task, ws } = taskIn(sim, "idle");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByText("Live: changes appear as Coder reports them.")).toBeInTheDocument();

    sim.engine.reportAppStatus(ws, "working", "Pushed, not polled", "");
    await waitFor(() => expect(screen.getByRole("region", { name: "Current state" })).toHaveTextContent("Pushed, not polled"));

    sim.close();
    expect(await screen.findByText("Checking for changes every few seconds.")).toBeInTheDocument();
    // The socket comes back on its own after a second.
    expect(await screen.findByText("Live: changes appear as Coder reports them.")).toBeInTheDocument();
  });

  it("closes the socket while the tab is hidden, and opens it again when the tab comes back", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
    expect(await screen.findByText("Live: changes appear as Coder reports them.")).toBeInTheDocument();
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    try {
      setVisibility("hidden");
      expect(await screen.findByText("Checking for changes every few seconds.")).toBeInTheDocument();
      setVisibility("visible");
      expect(await screen.findByText("Live: changes appear as Coder reports them.")).toBeInTheDocument();
    } finally {
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }
  });
});
