import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { newSimulator, renderApp, SESSION_KEY, taskNamesOf } from "../../../support/render.tsx";

describe("sign-in", () => {
  it("sends a signed-out visitor to sign-in and back to where they were going", async () => {
    const { user, router, sim } = renderApp("/tasks/new");
    expect(await screen.findByRole("heading", { name: "Sign in to Coder Tasks" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("?next=%2Ftasks%2Fnew");
    await user.type(screen.getByLabelText("Email"), "alice@example.com");
    await user.type(screen.getByLabelText("Password"), "demo-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "New task" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/tasks/new");
    // The token lives in sessionStorage, not in any URL.
    const token = window.sessionStorage.getItem(SESSION_KEY) ?? "";
    expect(token).toMatch(/^\w{10}-\w{22}$/);
    expect(router.state.location.search).not.toContain(token);
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(sim.store.apiKeys.has(token.split("-")[0] ?? "")).toBe(true);
  });

  it("shows the server's words for a wrong password and keeps what was typed", async () => {
    const { user } = renderApp("/login");
    await user.type(await screen.findByLabelText("Email"), "alice@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Incorrect email or password.");
    expect(screen.getByLabelText("Email")).toHaveValue("alice@example.com");
  });

  it("puts a validation error next to its field", async () => {
    const { user } = renderApp("/login");
    await user.type(await screen.findByLabelText("Email"), "not-an-email");
    await user.type(screen.getByLabelText("Password"), "x");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText('Validation failed for tag "email" with value: "not-an-email"', { selector: "p" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
  });

  it("signs in with a pasted token, remembered in localStorage when asked", async () => {
    const { user, sim } = renderApp("/login");
    const token = sim.tokenFor("bob");
    await user.click(await screen.findByRole("radio", { name: "Token" }));
    await user.type(screen.getByLabelText("Session token"), token);
    await user.click(screen.getByRole("checkbox", { name: "Remember me on this device" }));
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "Tasks" })).toBeInTheDocument();
    expect(window.localStorage.getItem(SESSION_KEY)).toBe(token);
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it("turns to a pasted token where the deployment has password sign-in disabled", async () => {
    server.use(
      http.post(/\/api\/v2\/users\/login$/, () => HttpResponse.json({ message: "Password authentication is disabled." }, { status: 403 }), {
        once: true,
      }),
    );
    const { user, sim } = renderApp("/login");
    await user.type(await screen.findByLabelText("Email"), "bob@example.com");
    await user.type(screen.getByLabelText("Password"), "demo-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Password authentication is disabled.");
    expect(screen.getByText(/does not allow password sign-in: paste a session token instead/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Session token"), sim.tokenFor("bob"));
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "Tasks" })).toBeInTheDocument();
  });

  it("refuses a bad pasted token with the server's message and detail", async () => {
    const { user } = renderApp("/login");
    await user.click(await screen.findByRole("radio", { name: "Token" }));
    await user.type(screen.getByLabelText("Session token"), "ABCDEFGHIJ-aaaaaaaaaaaaaaaaaaaaaa");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("You are signed out or your session has expired.");
    expect(alert).toHaveTextContent("API key is invalid.");
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });
});

describe("signed in", () => {
  it("shows the user, and signing out ends the session on the server and forgets everything", async () => {
    const { user, sim, queryClient, router } = renderApp("/tasks", { as: "alice" });
    expect(await screen.findByLabelText("Signed in as")).toHaveTextContent("Alice Anders");
    const first = taskNamesOf(sim, "alice")[0] ?? "";
    expect(await screen.findAllByRole("link", { name: first })).not.toHaveLength(0);
    const token = window.sessionStorage.getItem(SESSION_KEY) ?? "";
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to Coder Tasks" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toBe("?reason=signed-out");
    expect(screen.getByRole("status")).toHaveTextContent("You have signed out.");
    expect(sim.store.apiKeys.has(token.split("-")[0] ?? "")).toBe(false);
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it.each([
    ["revoked", "Your session is no longer valid", (_key: { expiresAt: number } | undefined, keys: Map<string, unknown>) => keys.clear()],
    ["expired", "Your session expired.", (key: { expiresAt: number } | undefined) => key && (key.expiresAt = 0)],
  ] as const)("goes to sign-in when the session is %s on the server, says so, and comes back afterwards", async (reason, words, end) => {
    const { user, sim, router } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const id = (window.sessionStorage.getItem(SESSION_KEY) ?? "").split("-")[0] ?? "";
    end(sim.store.apiKeys.get(id), sim.store.apiKeys);
    await user.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "New task" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=%2Ftasks%2Fnew&reason=${reason}`);
    expect(await screen.findByRole("status")).toHaveTextContent(words);
    await user.type(screen.getByLabelText("Email"), "alice@example.com");
    await user.type(screen.getByLabelText("Password"), "demo-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { level: 1, name: "New task" })).toBeInTheDocument();
  });

  it("leaves nothing of one user's in the browser for the next", async () => {
    const sim = newSimulator();
    const first = renderApp("/tasks/new", { as: "alice", sim });
    await first.user.type(await screen.findByLabelText("Prompt"), "Alice's secret plan");
    await waitFor(() => expect(Object.keys(window.localStorage).some((k) => k.startsWith("coder-tasks.user."))).toBe(true));
    await first.user.click(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByRole("heading", { name: "Sign in to Coder Tasks" });
    expect(Object.keys(window.localStorage).filter((k) => k.startsWith("coder-tasks.user."))).toEqual([]);
    first.unmount();
    renderApp("/tasks/new", { as: "bob", sim });
    expect(await screen.findByLabelText("Prompt")).toHaveValue("");
    expect(screen.queryByText(/Alice's secret plan/)).not.toBeInTheDocument();
  });
});
