import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { newSimulator, renderApp } from "../../../support/render.tsx";
import { advance, taskIn, type Situation } from "../../../support/sim-tasks.ts";
import { inputs, poll } from "../../../support/task-page.ts";

/** Alice's list with a new task ("UI test task") in `situation`, polling on fake interval timers. */
async function listWith(situation: Situation) {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
  const sim = newSimulator();
  const created = taskIn(sim, situation);
  const view = renderApp("/tasks", { as: "alice", sim });
  const link = await screen.findByRole("link", { name: "UI test task" });
  const row = () => screen.getByRole("link", { name: "UI test task" }).closest("tr") as HTMLElement;
  return { ...view, ...created, sim, link, row };
}

const lastAgentWords = (task: { conversation: { messages: { role: string; content: string }[] } }) =>
  task.conversation.messages.filter((m) => m.role === "agent").at(-1)?.content;

describe("answering from the list", () => {
  it("reads the agent's last message and replies once, and the row says it was sent", async () => {
    const { user, task, row } = await listWith("idle");
    await user.click(within(row()).getByRole("button", { name: "Reply to UI test task" }));
    const dialog = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    const said = lastAgentWords(task);
    expect(said).toBeTruthy();
    expect(await within(dialog).findByText(said ?? "")).toBeInTheDocument();
    await user.type(within(dialog).getByRole("textbox", { name: "Message to the agent" }), "Yes, go ahead");
    await user.dblClick(within(dialog).getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await within(row()).findByText(/✓ Replied at/)).toBeInTheDocument();
    await poll(10_000);
    expect(inputs(task).filter((m) => m === "Yes, go ahead")).toHaveLength(1);
  });

  it("keeps the draft and shows the server's words when the reply is refused, in the dialog and the row", async () => {
    const { user, task, row } = await listWith("idle");
    server.use(
      http.post(
        /\/send$/,
        () => HttpResponse.json({ message: "Task app rejected the message.", detail: "upstream closed" }, { status: 502 }),
        {
          once: true,
        },
      ),
    );
    await user.click(within(row()).getByRole("button", { name: "Reply to UI test task" }));
    const dialog = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    await user.type(within(dialog).getByRole("textbox", { name: "Message to the agent" }), "Keep me");
    await user.click(within(dialog).getByRole("button", { name: "Send" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Task app rejected the message.");
    expect(alert).toHaveTextContent("upstream closed");
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(await within(row()).findByText("Reply not sent (draft kept)")).toBeInTheDocument();
    await user.click(within(row()).getByRole("button", { name: "Reply to UI test task" }));
    const again = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    expect(within(again).getByRole("textbox", { name: "Message to the agent" })).toHaveValue("Keep me");
    expect(inputs(task)).not.toContain("Keep me");
  });

  it("resumes a paused task, then sends, with the steps in the row after the dialog closes", async () => {
    const { user, task, sim, row } = await listWith("paused");
    await user.click(within(row()).getByRole("button", { name: "Reply to UI test task" }));
    const dialog = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    await user.type(within(dialog).getByRole("textbox", { name: "Message to the agent" }), "Carry on");
    await user.click(within(dialog).getByRole("button", { name: "Resume and send" }));
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(await within(row()).findByText(/Reply: resum/)).toBeInTheDocument();
    advance(sim, 30_000);
    await poll(3_000);
    await waitFor(() => expect(inputs(task)).toContain("Carry on"));
    expect(await within(row()).findByText(/✓ Replied at/)).toBeInTheDocument();
    await poll(6_000);
    expect(inputs(task).filter((m) => m === "Carry on")).toHaveLength(1);
  });

  it("keeps another task's reply dialog open when a waiting reply goes out", async () => {
    const { user, task, sim, row } = await listWith("paused");
    const other = taskIn(sim, "idle");
    other.task.displayName = "Another task";
    await user.click(within(row()).getByRole("button", { name: "Reply to UI test task" }));
    const first = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    await user.type(within(first).getByRole("textbox", { name: "Message to the agent" }), "Carry on");
    await user.click(within(first).getByRole("button", { name: "Resume and send" }));
    await user.click(within(first).getByRole("button", { name: "Close" }));
    await user.click(await screen.findByRole("button", { name: "Reply to Another task" }));
    const second = await screen.findByRole("dialog", { name: "Reply to Another task" });
    await user.type(within(second).getByRole("textbox", { name: "Message to the agent" }), "Half-written");
    advance(sim, 30_000);
    await poll(3_000);
    await waitFor(() => expect(inputs(task)).toContain("Carry on"));
    expect(await within(row()).findByText(/✓ Replied at/)).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Reply to Another task" })).toBeInTheDocument();
    expect(within(second).getByRole("textbox", { name: "Message to the agent" })).toHaveValue("Half-written");
  });

  it("works from the keyboard: r replies to the focused row, Escape goes back to it, p pauses it", async () => {
    const { user, link, ws } = await listWith("idle");
    link.focus();
    await user.keyboard("r");
    const dialog = await screen.findByRole("dialog", { name: "Reply to UI test task" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(screen.getByRole("link", { name: "UI test task" })).toHaveFocus();
    await user.keyboard("p");
    expect(await screen.findByText("Paused 1 of 1 task.")).toBeInTheDocument();
    expect(ws.builds.at(-1)?.reason).toBe("task_manual_pause");
  });
});
