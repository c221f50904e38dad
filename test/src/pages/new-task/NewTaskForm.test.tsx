import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { newSimulator, renderApp } from "../../../support/render.tsx";

const created = (sim: ReturnType<typeof newSimulator>, prompt: string) => [...sim.store.tasks.values()].filter((t) => t.prompt === prompt);

describe("the create form's defaults", () => {
  it("picks the first AI template and its Default preset, listed first", async () => {
    renderApp("/tasks/new", { as: "alice" });
    const templates = await screen.findByRole("group", { name: "Template" });
    expect(
      within(templates)
        .getAllByRole("radio")
        .map((r) => (r as HTMLInputElement).checked),
    ).toEqual([true, false, false]);
    expect(within(templates).queryByText("Docker")).not.toBeInTheDocument();
    const presets = await screen.findByRole("group", { name: "Preset" });
    const options = within(presets).getAllByRole("radio");
    expect(options[0]).toHaveAccessibleName(/Large/);
    expect(options[0]).toBeChecked();
    expect(presets).toHaveTextContent("8 CPUs, 16 GB: builds and full test suites.");
  });

  it("offers no preset when the version has none", async () => {
    const { user } = renderApp("/tasks/new", { as: "alice" });
    await user.click(await screen.findByRole("radio", { name: /Codex/ }));
    await waitFor(() => expect(screen.queryByRole("group", { name: "Preset" })).not.toBeInTheDocument());
  });

  it("lets a template admin choose the version, the active one first chosen; others get the active version", async () => {
    renderApp("/tasks/new", { as: "admin" });
    const select = await screen.findByLabelText("Version");
    expect(select).toHaveDisplayValue("v1.5.0 (active)");
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["v1.4.0", "v1.5.0 (active)"]);
  });

  it("has no version choice for a member", async () => {
    renderApp("/tasks/new", { as: "alice" });
    await screen.findByRole("group", { name: "Template" });
    expect(screen.queryByLabelText("Version")).not.toBeInTheDocument();
  });
});

describe("the create form's rules", () => {
  it.each([
    ["has space", /Letters and digits only/],
    ["new", /"new" is reserved/],
    ["a".repeat(33), /At most 32 characters \(this is 33\)/],
    ["-dash", /Letters and digits only/],
  ])("catches the name %j before sending", async (name, problem) => {
    const { user, sim } = renderApp("/tasks/new", { as: "alice" });
    const before = sim.store.tasks.size;
    await user.type(await screen.findByLabelText("Prompt"), "Something");
    await user.type(screen.getByLabelText("Name (optional)"), name);
    expect(screen.getByLabelText("Name (optional)")).toHaveAccessibleDescription(problem);
    await user.click(screen.getByRole("button", { name: "Create task" }));
    expect(sim.store.tasks.size).toBe(before);
  });

  it("says when a display name is over 64 bytes", async () => {
    const { user } = renderApp("/tasks/new", { as: "alice" });
    await user.type(await screen.findByLabelText("Display name (optional)"), "é".repeat(33));
    expect(screen.getByLabelText("Display name (optional)")).toHaveAccessibleDescription(/At most 64 bytes; this is 66/);
  });

  it("refuses a blank prompt before sending", async () => {
    const { user, sim } = renderApp("/tasks/new", { as: "alice" });
    const before = sim.store.tasks.size;
    await user.type(await screen.findByLabelText("Prompt"), "   ");
    await user.click(screen.getByRole("button", { name: "Create task" }));
    expect(screen.getByLabelText("Prompt")).toHaveAccessibleDescription(/Enter a prompt for the agent\./);
    expect(sim.store.tasks.size).toBe(before);
  });
});

describe("creating", () => {
  it("creates with Ctrl+Enter and the chosen preset, opens the task, and forgets the draft", async () => {
    const { user, sim, router } = renderApp("/tasks/new", { as: "alice" });
    await user.click(await screen.findByRole("radio", { name: /Small/ }));
    await user.type(screen.getByLabelText("Prompt"), "Add a health check endpoint{Control>}{Enter}{/Control}");
    expect(await screen.findByRole("heading", { level: 1, name: "Add a health check endpoint" })).toBeInTheDocument();
    const [task] = created(sim, "Add a health check endpoint");
    const small = sim.store.versions.get(task?.templateVersionId ?? "")?.presets.find((p) => p.Name === "Small");
    expect(task?.presetId).toBe(small?.ID);
    expect(router.state.location.pathname).toBe(`/tasks/alice/${task?.id}`);
    expect(window.localStorage.getItem("coder-tasks.new-task-draft")).toBeNull();
  });

  it("puts a duplicate name on the name field and keeps everything typed", async () => {
    const { user, sim } = renderApp("/tasks/new", { as: "alice" });
    const taken = [...sim.store.tasks.values()].find((t) => t.ownerId === sim.store.userByUsername("alice")?.id)?.name ?? "";
    await user.type(await screen.findByLabelText("Prompt"), "Keep this prompt");
    await user.type(screen.getByLabelText("Name (optional)"), taken);
    await user.click(screen.getByRole("button", { name: "Create task" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Name (optional)")).toHaveAccessibleDescription(
        new RegExp(`Workspace "${taken}" already exists\\. This value is already in use and should be unique\\.`),
      ),
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Prompt")).toHaveValue("Keep this prompt");
  });

  it("shows any other refusal as a banner with the server's message and detail", async () => {
    server.use(
      http.post(
        /\/api\/v2\/tasks\/me$/,
        () => HttpResponse.json({ message: "Unauthorized to create workspace.", detail: "Ask an administrator." }, { status: 403 }),
        { once: true },
      ),
    );
    const { user } = renderApp("/tasks/new", { as: "alice" });
    await user.type(await screen.findByLabelText("Prompt"), "Refused prompt");
    await user.click(screen.getByRole("button", { name: "Create task" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Unauthorized to create workspace.");
    expect(alert).toHaveTextContent("Ask an administrator.");
    expect(screen.getByLabelText("Prompt")).toHaveValue("Refused prompt");
  });

  it("keeps the draft across a reload", async () => {
    const first = renderApp("/tasks/new", { as: "alice" });
    await first.user.click(await screen.findByRole("radio", { name: /Codex/ }));
    await first.user.type(screen.getByLabelText("Prompt"), "Half-written idea");
    await first.user.type(screen.getByLabelText("Name (optional)"), "idea-one");
    first.unmount();
    renderApp("/tasks/new", { as: "alice", sim: first.sim });
    expect(await screen.findByLabelText("Prompt")).toHaveValue("Half-written idea");
    expect(screen.getByLabelText("Name (optional)")).toHaveValue("idea-one");
    expect(screen.getByRole("radio", { name: /Codex/ })).toBeChecked();
  });

  it("lets the site owner create a task for someone else", async () => {
    const { user, sim } = renderApp("/tasks/new", { as: "admin" });
    await user.type(await screen.findByLabelText("Prompt"), "For Bob");
    await user.type(await screen.findByLabelText("Owner"), "bob{Enter}");
    await user.click(screen.getByRole("button", { name: "Create task" }));
    await screen.findByRole("heading", { level: 1, name: "For Bob" });
    expect(created(sim, "For Bob")[0]?.ownerId).toBe(sim.store.userByUsername("bob")?.id);
  });

  it("says when no template has an AI task", async () => {
    const sim = newSimulator();
    for (const version of sim.store.versions.values()) version.hasAiTask = false;
    renderApp("/tasks/new", { as: "alice", sim });
    expect(await screen.findByText("There are no templates with an AI task that you can use.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "How to add an AI task to a template" })).toHaveAttribute(
      "href",
      "https://coder.com/docs/ai-coder/tasks",
    );
  });
});
