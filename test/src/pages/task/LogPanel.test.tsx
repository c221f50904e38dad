import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { advance } from "../../../support/sim-tasks.ts";
import { openTask, poll } from "../../../support/task-page.ts";

describe("the conversation", () => {
  // The view as it is without push (no WebSocket: the page polls every 2 s). Push is tested with the startup views.
  beforeEach(() => vi.stubGlobal("WebSocket", undefined));
  afterEach(() => vi.unstubAllGlobals());

  it("follows new entries at the bottom, and counts them once the reader scrolls up", async () => {
    const { sim, task } = openTask("idle");
    const log = await screen.findByRole("log", { name: "Conversation" });
    for (let i = 0; i < 12; i++) sim.engine.appendMessage(task, "agent", `Earlier line ${i}`);
    await poll(30_000);
    await waitFor(() => expect(within(log).getByText("Earlier line 11")).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: /new message/ })).not.toBeInTheDocument();

    log.scrollTop = 0;
    fireEvent.scroll(log);
    sim.engine.appendMessage(task, "agent", "Fresh one");
    sim.engine.appendMessage(task, "agent", "Fresh two");
    await poll(30_000);
    const more = await screen.findByRole("button", { name: "2 new messages ↓" });
    fireEvent.click(more);
    await waitFor(() => expect(screen.queryByRole("button", { name: /new message/ })).not.toBeInTheDocument());
    expect(await within(log).findByText("Fresh two")).toBeInTheDocument();
  });

  it("searches with highlights and steps through matches", async () => {
    const { user, sim, task } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "the cache is cold; warming the CACHE");
    await screen.findByRole("log", { name: "Conversation" });
    await poll(30_000);
    await user.type(screen.getByLabelText("Search the log"), "cache");
    expect(await screen.findByText("1 of 2")).toBeInTheDocument();
    expect(screen.getAllByText(/^cache$/i, { selector: "mark" })).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByText("2 of 2")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Your messages" }));
    expect(screen.getByText("No matches")).toBeInTheDocument();
  });

  it("shows agent colours, never raw escape codes, and user input apart from agent output", async () => {
    const { sim, task } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "\u001b[31mfailed\u001b[0m and <b>not bold</b>");
    const log = await screen.findByRole("log", { name: "Conversation" });
    await poll(30_000);
    const red = await within(log).findByText("failed");
    expect(red).toHaveClass("text-red-700");
    expect(log.textContent).not.toContain("\u001b");
    expect(within(log).getByText(/and <b>not bold<\/b>/)).toBeInTheDocument();
    expect(within(log).getAllByRole("article", { name: /^You,/ }).length).toBeGreaterThan(0);
    expect(within(log).getAllByRole("article", { name: /^Agent,/ }).length).toBeGreaterThan(0);
  });

  it("copies an entry's text", async () => {
    const { user, sim, task } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "Copy this exact line");
    const log = await screen.findByRole("log", { name: "Conversation" });
    await poll(30_000);
    const entry = (await within(log).findByText("Copy this exact line")).closest("article") as HTMLElement;
    await user.click(within(entry).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("Copy this exact line");
    expect(within(entry).getByRole("button", { name: "Copied" })).toBeInTheDocument();
  });

  it("shows a paused task's snapshot with its age", async () => {
    openTask("paused");
    expect(await screen.findByRole("note")).toHaveTextContent(/Snapshot taken (just now|.+ ago), when the task was paused\./);
    expect(screen.getByRole("log", { name: "Conversation" })).toHaveTextContent("Check the page");
  });

  it("says a new task's conversation starts once its agent is up, and when a resumed task has no snapshot", async () => {
    openTask("pending");
    expect(await screen.findByText("The conversation starts once the agent is up.")).toBeInTheDocument();
    expect(screen.queryByText("No messages yet.")).not.toBeInTheDocument();
    cleanup();
    const { sim, task, ws } = openTask("paused");
    task.snapshot = null;
    sim.engine.startBuild(task, ws, task.ownerId, "task_resume");
    expect(await screen.findByText("No snapshot available: the agent saved none when the task was paused.")).toBeInTheDocument();
  });

  it("explains that an errored task's conversation cannot be read", async () => {
    openTask("error");
    expect(await screen.findByRole("note")).toHaveTextContent(/The task is in error, so its conversation cannot be shown/);
    expect(screen.queryByRole("log")).not.toBeInTheDocument();
  });

  it("scrolls to the entry a permalink names", async () => {
    openTask("idle", { path: "#log-1" });
    await screen.findByRole("log", { name: "Conversation" });
    await waitFor(() => expect(document.getElementById("log-1")).toHaveClass("ring-2"));
    expect(document.getElementById("log-2")).not.toHaveClass("ring-2");
  });

  it("keeps the conversation on screen through a pause, marked as stopping, until the snapshot arrives", async () => {
    const { user, sim, task } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "Said before the pause");
    const log = await screen.findByRole("log", { name: "Conversation" });
    await poll(30_000);
    expect(await within(log).findByText("Said before the pause")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("Unknown"));
    expect(screen.getByText(/^Stopping: this is the conversation as it was/)).toBeInTheDocument();
    expect(within(screen.getByRole("log", { name: "Conversation" })).getByText("Said before the pause")).toBeInTheDocument();
    // No request Coder would refuse while it stops: no error appears, whatever the polls do.
    await poll(6_000);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    advance(sim, 3_000);
    await poll(3_000);
    expect(await screen.findByText(/Snapshot taken .*, when the task was paused\./)).toBeInTheDocument();
    expect(within(screen.getByRole("log", { name: "Conversation" })).getByText("Said before the pause")).toBeInTheDocument();
    expect(screen.queryByText(/^Stopping:/)).not.toBeInTheDocument();
  });

  it("keeps the conversation when the agent cannot be reached, says so, and picks up again when it is back", async () => {
    const { sim, task, ws } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "Said while reachable");
    const log = await screen.findByRole("log", { name: "Conversation" });
    await poll(30_000);
    expect(await within(log).findByText("Said while reachable")).toBeInTheDocument();
    if (ws.agent) ws.agent.reachable = false;
    await poll(30_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    advance(sim, 30_000);
    expect(await screen.findByText(/The task's agent cannot be reached right now: Coder tried for 30 seconds/)).toBeInTheDocument();
    expect(within(screen.getByRole("log", { name: "Conversation" })).getByText("Said while reachable")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    if (ws.agent) ws.agent.reachable = true;
    sim.engine.appendMessage(task, "agent", "Back again");
    // A poll that went out while the agent was away is still dialling; the agent is reached within its 30 s.
    // The polls go on until one brings the new entry (on a busy machine the first may still be in flight).
    const conversation = () => within(screen.getByRole("log", { name: "Conversation" }));
    for (let i = 0; i < 5 && conversation().queryByText("Back again") === null; i++) {
      advance(sim, 30_000);
      await poll(2_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await conversation().findByText("Back again")).toBeInTheDocument();
    expect(screen.queryByText(/cannot be reached/)).not.toBeInTheDocument();
  });
});
