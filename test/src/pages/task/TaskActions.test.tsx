import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { openTask } from "../../../support/task-page.ts";

const BUILDING = "A workspace build is running; wait until it finishes.";

describe("which actions each status allows", () => {
  it.each([
    ["idle", { pause: "enabled", resume: "absent", remove: "enabled", edit: false, send: "Send" }],
    ["paused", { pause: "absent", resume: "enabled", remove: "enabled", edit: true, send: "Resume and send" }],
    ["pending", { pause: "disabled", resume: "absent", remove: "disabled", edit: false, send: "Send when ready" }],
    ["error", { pause: "enabled", resume: "enabled", remove: "enabled", edit: false, send: null }],
    ["unknown", { pause: "disabled", resume: "disabled", remove: "disabled", edit: false, send: null }],
  ] as const)("%s", async (situation, expected) => {
    openTask(situation);
    await screen.findByRole("heading", { level: 1, name: "UI test task" });
    const actions = screen.getByRole("region", { name: "Actions" });
    for (const [name, state] of [
      ["Pause", expected.pause],
      ["Resume", expected.resume],
      ["Delete", expected.remove],
    ] as const) {
      const button = within(actions).queryByRole("button", { name });
      if (state === "absent") expect(button, name).not.toBeInTheDocument();
      else if (state === "enabled") expect(button, name).toBeEnabled();
      else expect(button, name).toBeDisabled();
    }
    // A disabled action says why, in words beside it.
    if (Object.values(expected).includes("disabled")) expect(actions).toHaveTextContent(BUILDING);
    else expect(actions).not.toHaveTextContent(BUILDING);
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
    expect(screen.getByRole("button", { name: "Delete" })).toBeEnabled();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Resume" })).not.toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Pause" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Resume and send" })).not.toBeInTheDocument();
  });
});

describe("pause and resume", () => {
  it("pauses: the simulator runs a stop build and the page follows it", async () => {
    const { user, ws } = openTask("idle");
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    await waitFor(() => expect(ws.builds.at(-1)?.transition).toBe("stop"));
    expect(ws.builds.at(-1)?.reason).toBe("task_manual_pause");
    // While the stop build runs the task reads "unknown", as in Coder.
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("Unknown"));
  });

  it("shows why a pause was refused", async () => {
    const { user, ws } = openTask("idle");
    const refusal = { message: "A workspace build is already active.", detail: "A workspace build is already active." };
    server.use(http.post(/\/pause$/, () => HttpResponse.json(refusal, { status: 409 }), { once: true }));
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A workspace build is already active.");
    expect(ws.builds.at(-1)?.transition).toBe("start");
  });

  it("resumes a paused task", async () => {
    const { user, ws } = openTask("paused");
    await user.click(await screen.findByRole("button", { name: "Resume" }));
    await waitFor(() => expect(ws.builds.at(-1)?.reason).toBe("task_resume"));
  });

  it("says why a resume is refused", async () => {
    const { user, ws } = openTask("paused");
    const refusal = { message: "Task workspace is already running.", detail: 'Workspace status is "running".' };
    server.use(http.post(/\/resume$/, () => HttpResponse.json(refusal, { status: 409 }), { once: true }));
    await user.click(await screen.findByRole("button", { name: "Resume" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Task workspace is already running.");
    expect(alert).toHaveTextContent('Workspace status is "running".');
    expect(ws.builds.at(-1)?.transition).toBe("stop");
  });
});

describe("delete", () => {
  it("asks in a dialog, then leaves at once for a list that no longer shows the task", async () => {
    const { user, router, task } = openTask("idle");
    const remove = await screen.findByRole("button", { name: "Delete" });
    await user.click(remove);
    const dialog = screen.getByRole("dialog", { name: "Delete “UI test task”?" });
    expect(dialog).toHaveTextContent("Its workspace is deleted too.");
    await user.click(within(dialog).getByRole("button", { name: "Delete task" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/tasks"));
    expect(task.deletedAt).not.toBeNull();
    expect(await screen.findByRole("heading", { level: 1, name: "Tasks" })).toBeInTheDocument();
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(1);
    expect(within(table).queryByRole("link", { name: "UI test task" })).not.toBeInTheDocument();
    // Opened again: the page knows it is gone without asking.
    await act(() => router.navigate(`/tasks/alice/${task.id}`));
    expect(await screen.findByRole("heading", { name: "Task not found, or you don't have access" })).toBeInTheDocument();
  });

  it("backs out with Escape, putting the focus back on Delete", async () => {
    const { user, task } = openTask("idle");
    const remove = await screen.findByRole("button", { name: "Delete" });
    await user.click(remove);
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(remove).toHaveFocus();
    expect(task.deletedAt).toBeNull();
  });

  it("keeps the task and shows the server's refusal", async () => {
    const { user, task } = openTask("idle");
    const refusal = { message: "You do not have permission to delete this workspace.", detail: "Ask the owner." };
    server.use(http.delete(/\/tasks\/alice\/[^/]+$/, () => HttpResponse.json(refusal, { status: 403 }), { once: true }));
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete task" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("You do not have permission to delete this workspace.");
    expect(alert).toHaveTextContent("Ask the owner.");
    expect(screen.getByRole("heading", { level: 1, name: "UI test task" })).toBeInTheDocument();
    expect(task.deletedAt).toBeNull();
  });
});
