import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "../setup-ui.ts";
import { newSimulator, renderApp } from "./render.tsx";
import { advance, taskIn, type Situation } from "./sim-tasks.ts";

/** Lets the page's polls run: the fake interval timers fire and the requests settle. */
async function poll(ms = 3_000) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

function openTask(situation: Situation, options: { version?: string; path?: string } = {}) {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
  const sim = newSimulator(options.version ? { version: options.version } : {});
  const created = taskIn(sim, situation);
  const view = renderApp(`/tasks/alice/${created.task.id}${options.path ?? ""}`, { as: "alice", sim });
  return { ...view, ...created, sim };
}

const inputs = (task: { conversation: { messages: { role: string; content: string }[] } }) =>
  task.conversation.messages.filter((m) => m.role === "user").map((m) => m.content);

describe("which actions each status allows", () => {
  it.each([
    ["idle", { pause: "enabled", resume: false, edit: false, send: "Send" }],
    ["paused", { pause: "absent", resume: true, edit: true, send: "Resume and send" }],
    ["pending", { pause: "disabled", resume: false, edit: false, send: "Send when ready" }],
    ["error", { pause: "enabled", resume: true, edit: false, send: null }],
    ["unknown", { pause: "enabled", resume: true, edit: false, send: null }],
  ] as const)("%s", async (situation, expected) => {
    openTask(situation);
    await screen.findByRole("heading", { level: 1, name: "UI test task" });
    const actions = screen.getByRole("region", { name: "Actions" });
    const pause = within(actions).queryByRole("button", { name: "Pause" });
    if (expected.pause === "absent") expect(pause).not.toBeInTheDocument();
    else if (expected.pause === "enabled") expect(pause).toBeEnabled();
    else expect(pause).toBeDisabled();
    expect(Boolean(within(actions).queryByRole("button", { name: "Resume" }))).toBe(expected.resume);
    const edit = screen.getByRole("button", { name: "Edit prompt" });
    if (expected.edit) expect(edit).toBeEnabled();
    else expect(edit).toHaveAccessibleDescription(/Only a paused task's prompt can be edited/);
    const composer = screen.getByRole("region", { name: "Send a message" });
    for (const name of ["Send", "Resume and send", "Send when ready"]) {
      expect(Boolean(within(composer).queryByRole("button", { name }))).toBe(name === expected.send);
    }
    if (expected.send === null) expect(composer).toHaveTextContent(`The task is ${situation}; it takes messages only while active.`);
  });

  it("hides pause and resume, and the paused follow-up, where Coder lacks them", async () => {
    openTask("paused", { version: "v2.30.0" });
    await screen.findByRole("heading", { level: 1, name: "UI test task" });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Resume" })).not.toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Resume and send" })).not.toBeInTheDocument();
  });
});

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
});

describe("editing the prompt", () => {
  it("saves a new prompt for a paused task", async () => {
    const { user, task } = openTask("paused");
    await user.click(await screen.findByRole("button", { name: "Edit prompt" }));
    const box = screen.getByRole("textbox", { name: "New prompt" });
    expect(box).toHaveValue("Check the page");
    await user.clear(box);
    await user.type(box, "Check the page, then the footer");
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    expect(await screen.findByText(/Prompt saved/)).toBeInTheDocument();
    expect(task.prompt).toBe("Check the page, then the footer");
  });

  it("keeps the edit and shows why when the server refuses", async () => {
    const { user, task } = openTask("paused");
    server.use(
      http.patch(
        /\/input$/,
        () =>
          HttpResponse.json(
            {
              message: "Unable to update task input, task must be paused.",
              detail: "Please stop the task's workspace before updating the input.",
            },
            { status: 409 },
          ),
        { once: true },
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Edit prompt" }));
    await user.type(screen.getByRole("textbox", { name: "New prompt" }), " — more");
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Unable to update task input, task must be paused.");
    expect(screen.getByRole("textbox", { name: "New prompt" })).toHaveValue("Check the page — more");
    expect(task.prompt).toBe("Check the page");
  });

  it("pauses first when asked, then opens the editor", async () => {
    const { user, sim, ws } = openTask("idle");
    await user.click(await screen.findByRole("button", { name: "Pause and edit" }));
    await waitFor(() => expect(ws.builds.at(-1)?.transition).toBe("stop"));
    advance(sim, 3_000);
    await poll();
    expect(await screen.findByRole("textbox", { name: "New prompt" })).toHaveValue("Check the page");
  });
});

describe("resume and delete", () => {
  it("resumes a paused task", async () => {
    const { user, ws } = openTask("paused");
    await user.click(await screen.findByRole("button", { name: "Resume" }));
    await waitFor(() => expect(ws.builds.at(-1)?.reason).toBe("task_resume"));
  });

  it("says why a resume is refused", async () => {
    const { user, ws } = openTask("paused");
    server.use(
      http.post(
        /\/resume$/,
        () =>
          HttpResponse.json({ message: "Task workspace is already running.", detail: 'Workspace status is "running".' }, { status: 409 }),
        { once: true },
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Resume" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Task workspace is already running.");
    expect(alert).toHaveTextContent('Workspace status is "running".');
    expect(ws.builds.at(-1)?.transition).toBe("stop");
  });

  it("shows the server's refusal to delete a task that is starting", async () => {
    const { user, task } = openTask("pending");
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(within(screen.getByRole("group", { name: "Confirm delete" })).getByRole("button", { name: "Delete task" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A workspace build is already active.");
    expect(task.deletedAt).toBeNull();
  });
});

describe("the conversation", () => {
  it("follows new entries at the bottom, and counts them once the reader scrolls up", async () => {
    const { sim, task } = openTask("idle");
    const log = await screen.findByRole("log", { name: "Conversation" });
    for (let i = 0; i < 12; i++) sim.engine.appendMessage(task, "agent", `Earlier line ${i}`);
    await poll(2_000);
    await waitFor(() => expect(within(log).getByText("Earlier line 11")).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: /new message/ })).not.toBeInTheDocument();

    log.scrollTop = 0;
    fireEvent.scroll(log);
    sim.engine.appendMessage(task, "agent", "Fresh one");
    sim.engine.appendMessage(task, "agent", "Fresh two");
    await poll(2_000);
    const more = await screen.findByRole("button", { name: "2 new messages ↓" });
    fireEvent.click(more);
    await waitFor(() => expect(screen.queryByRole("button", { name: /new message/ })).not.toBeInTheDocument());
    expect(await within(log).findByText("Fresh two")).toBeInTheDocument();
  });

  it("searches with highlights and steps through matches", async () => {
    const { user, sim, task } = openTask("idle");
    sim.engine.appendMessage(task, "agent", "the cache is cold; warming the CACHE");
    await screen.findByRole("log", { name: "Conversation" });
    await poll(2_000);
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
    await poll(2_000);
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
    await poll(2_000);
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

  it("says when there is no snapshot, and why an errored task has no conversation", async () => {
    openTask("pending");
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
});
