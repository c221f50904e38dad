import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newSimulator, renderApp } from "../../../support/render.tsx";

afterEach(() => vi.restoreAllMocks());

const accounts = () => screen.getByRole("group", { name: "External accounts" });
const github = (sim: ReturnType<typeof newSimulator>, username: string) => sim.store.userByUsername(username)?.externalAuthLinks;

describe("external accounts before create", () => {
  it("blocks a template that needs GitHub until it is connected, polling while the connect window is open", async () => {
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    const sim = newSimulator();
    const { user } = renderApp("/tasks/new", { as: "bob", sim });
    await user.click(await screen.findByRole("radio", { name: /Codex/ }));
    await user.type(screen.getByLabelText("Prompt"), "Open a pull request for the flaky test");
    expect(await within(accounts()).findByText(/Not connected: required/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create task" })).toBeDisabled();
    expect(screen.getByText("Connect GitHub to create a task from this template.")).toBeInTheDocument();

    await user.click(within(accounts()).getByRole("button", { name: "Connect GitHub" }));
    expect(open).toHaveBeenCalledWith(`${window.location.origin}/external-auth/github`, "_blank", "width=900,height=600,noopener");
    expect(within(accounts()).getByRole("button", { name: "Waiting for GitHub…" })).toBeDisabled();
    // The user finishes on Coder's page, in the other window.
    github(sim, "bob")?.add("github");
    expect(await within(accounts()).findByText("✓ Connected", undefined, { timeout: 3000 })).toBeInTheDocument();
    const create = screen.getByRole("button", { name: "Create task" });
    expect(create).toBeEnabled();
    await user.click(create);
    expect(await screen.findByRole("heading", { level: 1, name: "Open a pull request for the flaky test" })).toBeInTheDocument();
  });

  it("asks again when the user comes back to the tab", async () => {
    const sim = newSimulator();
    const { user } = renderApp("/tasks/new", { as: "bob", sim });
    await user.click(await screen.findByRole("radio", { name: /Codex/ }));
    expect(await within(accounts()).findByText(/Not connected: required/)).toBeInTheDocument();
    github(sim, "bob")?.add("github");
    act(() => void window.dispatchEvent(new Event("visibilitychange")));
    expect(await within(accounts()).findByText("✓ Connected")).toBeInTheDocument();
  });

  it("shows an optional account without blocking, and none for a template that needs nothing", async () => {
    const { user } = renderApp("/tasks/new", { as: "olivia" });
    expect(await within(await screen.findByRole("group", { name: "External accounts" })).findByText("(optional)")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Prompt"), "Rotate the certificates");
    expect(screen.getByRole("button", { name: "Create task" })).toBeEnabled();
  });

  it("explains Coder's refusal if it still comes, keeps the prompt, and shows what is missing now", async () => {
    const sim = newSimulator();
    const { user } = renderApp("/tasks/new", { as: "alice", sim });
    await user.click(await screen.findByRole("radio", { name: /Codex/ }));
    expect(await within(accounts()).findByText("✓ Connected")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Prompt"), "Keep this prompt");
    // The link was revoked after the form looked.
    github(sim, "alice")?.delete("github");
    await user.click(screen.getByRole("button", { name: "Create task" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("External authentication is required to create a workspace with this template.");
    expect(alert).toHaveTextContent("The workspace owner must authenticate with the following external auth providers: github.");
    expect(screen.getByLabelText("Prompt")).toHaveValue("Keep this prompt");
    await waitFor(() => expect(within(accounts()).getByText(/Not connected: required/)).toBeInTheDocument());
  });
});
