import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { newSimulator, renderApp } from "./render.tsx";

describe("creating a task", () => {
  it("creates with the default preset and opens the new task", async () => {
    const { user, sim, router } = renderApp("/tasks/new", { as: "alice" });
    expect(await screen.findByLabelText("Preset")).toHaveDisplayValue("Large (default)");
    await user.type(screen.getByLabelText("Prompt"), "Add a health check endpoint");
    await user.click(screen.getByRole("button", { name: "Create task" }));
    expect(await screen.findByRole("heading", { name: "Add a health check endpoint" })).toBeInTheDocument();
    const created = [...sim.store.tasks.values()].find((t) => t.prompt === "Add a health check endpoint");
    expect(created?.presetId).toBe(sim.store.versions.get(created?.templateVersionId ?? "")?.presets.find((p) => p.Default)?.ID);
    expect(router.state.location.pathname).toBe(`/tasks/alice/${created?.id}`);
  });

  it("shows a duplicate name on the name field and keeps the prompt", async () => {
    const { user, sim } = renderApp("/tasks/new", { as: "alice" });
    const taken = [...sim.store.tasks.values()].find((t) => t.ownerId === sim.store.userByUsername("alice")?.id)?.name ?? "";
    await user.type(await screen.findByLabelText("Prompt"), "Keep this prompt");
    await user.type(screen.getByLabelText("Name (optional)"), taken);
    await user.click(screen.getByRole("button", { name: "Create task" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(`Workspace "${taken}" already exists.`);
    expect(screen.getByText("This value is already in use and should be unique.", { selector: "p" })).toBeInTheDocument();
    expect(screen.getByLabelText("Prompt")).toHaveValue("Keep this prompt");
  });

  it("does not send a blank prompt", async () => {
    const { user, sim } = renderApp("/tasks/new", { as: "alice" });
    const before = sim.store.tasks.size;
    await user.type(await screen.findByLabelText("Prompt"), "   ");
    expect(screen.getByRole("button", { name: "Create task" })).toBeDisabled();
    await waitFor(() => expect(sim.store.tasks.size).toBe(before));
  });

  it("says when no template has an AI task", async () => {
    const sim = newSimulator();
    for (const version of sim.store.versions.values()) version.hasAiTask = false;
    renderApp("/tasks/new", { as: "alice", sim });
    expect(await screen.findByText("There are no templates with an AI task that you can use.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "How to add an AI task to a template" })).toHaveAttribute("href", "https://coder.com/docs/ai-coder/tasks");
  });
});
