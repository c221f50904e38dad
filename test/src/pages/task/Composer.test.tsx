import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { advance } from "../../../support/sim-tasks.ts";
import { inputs, openTask, poll } from "../../../support/task-page.ts";

describe("sending a message", () => {
  it("sends with Ctrl+Enter, clears the box, and the reply appears in the log", async () => {
    const { user, task, sim } = openTask("idle");
    const box = await screen.findByRole("textbox", { name: "Message to the agent" });
    await user.type(box, "Also update the changelog{Control>}{Enter}{/Control}");
    await waitFor(() => expect(inputs(task)).toContain("Also update the changelog"));
    expect(box).toHaveValue("");
    advance(sim, 3_000);
    await poll(2_000);
    const log = screen.getByRole("log", { name: "Conversation" });
    expect(await within(log).findByText("Also update the changelog")).toBeInTheDocument();
    expect(await within(log).findByText(/Understood: Also update the changelog/)).toBeInTheDocument();
  });

  it("sends once however often the button is clicked", async () => {
    const { user, task } = openTask("idle");
    await user.type(await screen.findByRole("textbox", { name: "Message to the agent" }), "Just once");
    await user.dblClick(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(inputs(task).filter((m) => m === "Just once")).toHaveLength(1));
    await poll(3_000);
    expect(inputs(task).filter((m) => m === "Just once")).toHaveLength(1);
  });

  it("keeps the text and shows the server's words when sending fails", async () => {
    const { user, task } = openTask("idle");
    server.use(
      http.post(
        /\/send$/,
        () => HttpResponse.json({ message: "Task app rejected the message.", detail: "upstream closed" }, { status: 502 }),
        { once: true },
      ),
    );
    const box = await screen.findByRole("textbox", { name: "Message to the agent" });
    await user.type(box, "Keep me");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Task app rejected the message.");
    expect(alert).toHaveTextContent("upstream closed");
    expect(box).toHaveValue("Keep me");
    expect(inputs(task)).not.toContain("Keep me");
  });

  it("offers to send when a busy agent is idle again, then sends once", async () => {
    const { user, task, sim } = openTask("working");
    await user.type(await screen.findByRole("textbox", { name: "Message to the agent" }), "When you are done");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const busy = await screen.findByText("The agent is busy and cannot take a message right now.");
    await user.click(within(busy).getByRole("button", { name: "Send when it is idle" }));
    expect(screen.getByText("Will send when the agent is ready…")).toBeInTheDocument();
    advance(sim, 15_000);
    await poll();
    await waitFor(() => expect(inputs(task).filter((m) => m === "When you are done")).toHaveLength(1));
    expect(await screen.findByText(/✓ Sent at/)).toBeInTheDocument();
  });

  it("resumes a paused task, waits until it is active, then sends, showing each step", async () => {
    const { user, task, sim, ws } = openTask("paused");
    await user.type(await screen.findByRole("textbox", { name: "Message to the agent" }), "Pick this up again");
    await user.click(screen.getByRole("button", { name: "Resume and send" }));
    expect(await screen.findByText(/Resume the task \(done\)/)).toBeInTheDocument();
    expect(ws.builds.at(-1)?.reason).toBe("task_resume");
    expect(screen.getByText(/Wait until it is active \(now \w+\) \(in progress\)/)).toBeInTheDocument();
    advance(sim, 10_000);
    await poll();
    await waitFor(() => expect(inputs(task)).toContain("Pick this up again"));
  });

  it("says the agent cannot be reached when Coder gives up dialling it, and keeps the message", async () => {
    const { user, task, sim, ws } = openTask("idle");
    if (ws.agent) ws.agent.reachable = false;
    const box = await screen.findByRole("textbox", { name: "Message to the agent" });
    await user.type(box, "Still there?");
    await user.click(screen.getByRole("button", { name: "Send" }));
    // Coder dials for 30 s of the deployment's time before it answers.
    await waitFor(() => expect(screen.getByRole("button", { name: "Sending…" })).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    advance(sim, 30_000);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The task's agent cannot be reached (Coder tried for 30 seconds), so the message was not sent");
    expect(alert).toHaveTextContent("Failed to reach task app endpoint.");
    expect(box).toHaveValue("Still there?");
    expect(inputs(task)).not.toContain("Still there?");
  });
});
