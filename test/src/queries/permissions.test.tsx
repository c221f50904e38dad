import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { newSimulator, renderApp } from "../../support/render.tsx";
import { server } from "../../support/setup-ui.ts";

afterEach(() => server.events.removeAllListeners());

/** Watches for the simulator's answer to POST /authcheck, so a missing control can be known missing for good. */
function watchAuthcheck(): () => Promise<void> {
  let answered = false;
  server.events.on("response:mocked", ({ request }) => {
    if (new URL(request.url).pathname === "/api/v2/authcheck") answered = true;
  });
  return () => waitFor(() => expect(answered).toBe(true));
}

/** The controls follow POST /authcheck: org admins hold no site role, so only the server can say what they may do. */
describe("permissions from the server", () => {
  it("gives an organization admin the owner and organization pickers, and a member neither", async () => {
    renderApp("/tasks", { as: "olivia" });
    expect(await screen.findByLabelText("Owner")).toBeInTheDocument();
    expect(screen.getByLabelText("Organization")).toBeInTheDocument();
  });

  it("shows a member no pickers, even once everything has loaded", async () => {
    const authcheckAnswered = watchAuthcheck();
    renderApp("/tasks", { as: "alice" });
    await authcheckAnswered();
    await screen.findByRole("table");
    expect(screen.queryByLabelText("Owner")).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Organization")).not.toBeInTheDocument();
  });

  it("lets an organization admin create for someone else in their organization, without the version picker", async () => {
    renderApp("/tasks/new", { as: "olivia" });
    expect(await screen.findByLabelText("Owner")).toBeInTheDocument();
    expect(screen.queryByLabelText("Version")).not.toBeInTheDocument();
  });

  it("offers a member no one else to create for", async () => {
    const authcheckAnswered = watchAuthcheck();
    renderApp("/tasks/new", { as: "alice" });
    await authcheckAnswered();
    await screen.findByRole("group", { name: "Preset" });
    expect(screen.queryByLabelText("Owner")).not.toBeInTheDocument();
  });

  it("gives a site template admin the version picker, because the server says so", async () => {
    const sim = newSimulator();
    sim.store.userByUsername("bob")?.siteRoles.push("template-admin");
    renderApp("/tasks/new", { as: "bob", sim });
    expect(await screen.findByLabelText("Version")).toBeInTheDocument();
    expect(screen.queryByLabelText("Owner")).not.toBeInTheDocument();
  });
});
