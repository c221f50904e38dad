import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { idleStarts, liveTasks } from "../../../support/list-helpers.ts";
import { newSimulator, renderApp } from "../../../support/render.tsx";

beforeEach(() => {
  Object.defineProperty(window, "innerWidth", { value: 1920, configurable: true });
  Object.defineProperty(window, "innerHeight", { value: 1080, configurable: true });
});

const section = (name: RegExp) => screen.getByRole("region", { name });

describe("the team wall", () => {
  it("groups tasks: needs you, stuck, working, starting, paused, done", async () => {
    const { sim } = renderApp("/wall", { as: "admin" });
    await screen.findByRole("heading", { name: /Needs you/ });
    const tasks = liveTasks(sim);
    const needs = tasks.filter((t) => t.status === "error" || (t.status === "active" && (t.state === "idle" || t.state === "failure")));
    expect(section(/Needs you/)).toHaveAccessibleName(`Needs you (${needs.length})`);
    // A start that has gone on for more than the floor (10 min) is stuck instead.
    const starting = tasks.filter((t) => (t.status === "pending" || t.status === "initializing") && Date.now() - t.createdAt < 10 * 60_000);
    expect(section(/Starting/)).toHaveAccessibleName(`Starting (${starting.length})`);
    expect(starting.length).toBeGreaterThan(0);
    for (const t of starting) expect(within(section(/Starting/)).getByText(t.displayName)).toBeInTheDocument();
    expect(section(/Paused/)).toBeInTheDocument();
    expect(section(/Done/)).toBeInTheDocument();
  });

  it("puts the longest wait first in Needs you, and says how long in large type", async () => {
    const sim = newSimulator();
    const [longest] = [...idleStarts(sim)].sort((a, b) => a[1] - b[1])[0] ?? [""];
    renderApp("/wall", { as: "admin", sim });
    await screen.findByRole("heading", { name: /Needs you/ });
    const first = () => within(section(/Needs you/)).getAllByRole("listitem")[0]!;
    await waitFor(() => expect(first()).toHaveTextContent(longest));
    expect(within(first()).getByText(/^waiting \d+ (h|days)$/)).toHaveClass("font-bold");
  });

  it("says across the top how many need someone, are stuck, work and start, failed and finished today, and the longest wait", async () => {
    renderApp("/wall", { as: "admin" });
    await screen.findByRole("heading", { name: /Needs you/ });
    const figures = screen.getByLabelText("At a glance");
    const figure = (term: string) => within(figures).getByText(term).nextElementSibling?.textContent;
    const count = (name: RegExp) =>
      section(name).getAttribute("aria-labelledby") && Number(/\((\d+)\)/.exec(section(name).textContent ?? "")?.[1]);
    expect(Number(figure("Needs you"))).toBe(count(/Needs you/));
    expect(Number(figure("Stuck"))).toBe(count(/Stuck/));
    expect(Number(figure("Working"))).toBe(count(/Working/));
    const firstWait = within(within(section(/Needs you/)).getAllByRole("listitem")[0]!).getByText(/^waiting /).textContent;
    await waitFor(() => expect(`waiting ${figure("Longest wait")}`).toBe(firstWait));
    expect(Number(figure("Done today"))).toBeGreaterThanOrEqual(0);
  });

  it("gathers stuck tasks in a group of their own, each with the reason in words", async () => {
    const { sim } = renderApp("/wall?owner=bob", { as: "admin" });
    const starting = liveTasks(sim, "bob").find((t) => t.status === "initializing" && Date.now() - t.createdAt > 60 * 60_000);
    expect(starting).toBeDefined();
    await screen.findByRole("heading", { name: /Stuck/ });
    const tile = (await within(section(/Stuck/)).findByText(starting?.displayName ?? "")).closest("li") as HTMLElement;
    expect(tile).toHaveTextContent(/⚠ Stuck: Starting for \d+ (min|h)/);
    // An agent whose startup script failed is stuck too, whatever its task's status says.
    const failedScript = [...sim.store.workspaces.values()].find(
      (ws) => ws.ownerId === sim.store.userByUsername("bob")?.id && ws.agent?.lifecycle === "start_error",
    );
    const task = failedScript && sim.store.tasks.get(failedScript.taskId);
    if (task && !["idle", "failure"].includes(failedScript?.appStatuses.at(-1)?.state ?? "")) {
      expect(within(section(/Stuck/)).getByText(task.displayName).closest("li")).toHaveTextContent("Its startup script failed");
    }
  });

  it("filters by status from the URL and hides messages in privacy mode", async () => {
    const { sim } = renderApp("/wall?owner=alice&status=active&privacy=1", { as: "admin" });
    await screen.findByRole("heading", { name: /Needs you/ });
    expect(screen.queryByRole("region", { name: /Paused/ })).not.toBeInTheDocument();
    // Every message an agent of alice's active tasks last reported: none of them may be on the screen.
    const messages = liveTasks(sim, "alice")
      .filter((t) => t.status === "active")
      .map((t) => sim.store.workspaceOf(t)?.appStatuses.at(-1)?.message ?? "")
      .filter(Boolean);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(screen.queryByText(message, { exact: false })).not.toBeInTheDocument();
    expect(screen.getAllByText("Waiting for input").length).toBeGreaterThan(0);
  });

  it("shows messages without privacy mode", async () => {
    renderApp("/wall?owner=alice&status=active", { as: "admin" });
    await screen.findByRole("heading", { name: /Needs you/ });
    expect(screen.getAllByText(/Waiting for input: Waiting for your answer/).length).toBeGreaterThan(0);
  });

  it("highlights a task that changed since the last refresh", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    const sim = newSimulator();
    renderApp("/wall?owner=alice", { as: "admin", sim });
    await screen.findByRole("heading", { name: /Needs you/ });
    expect(screen.queryByText("(changed)")).not.toBeInTheDocument();
    const pending = liveTasks(sim, "alice").find((t) => t.status === "pending");
    sim.clock.advance(2_000);
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    // A changed tile is drawn afresh, so look it up again rather than holding the old one.
    await waitFor(() =>
      expect(screen.getByText(pending?.displayName ?? "", { exact: false }).closest("li")).toHaveTextContent("(changed)"),
    );
    expect(within(section(/Starting/)).getByText(pending?.displayName ?? "", { exact: false })).toBeInTheDocument();
  });

  it("keeps the last data and says since when it is stale", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    renderApp("/wall", { as: "admin" });
    await screen.findByRole("heading", { name: /Needs you/ });
    server.use(
      http.get(/\/api\/v2\/tasks$/, () => HttpResponse.json({ message: "Internal server error" }, { status: 500 }), { once: true }),
    );
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(await screen.findByText(/Stale since \d\d:\d\d: Internal server error/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Needs you/ })).toBeInTheDocument();
  });

  it("sends a screen with no session and no wall token to sign-in", async () => {
    const { router } = renderApp("/wall?owner=bob");
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/wall?owner=bob")}`);
  });
});
