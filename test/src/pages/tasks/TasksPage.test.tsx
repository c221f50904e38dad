import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { idleStarts, liveTasks, rowNames } from "../../../support/list-helpers.ts";
import { server } from "../../../support/setup-ui.ts";
import { newSimulator, renderApp, taskNamesOf } from "../../../support/render.tsx";

/** The page's own list (no `q` for a member) fails once; the header's list of the user's tasks does not. */
function pageListFailsOnce() {
  let failed = false;
  return http.get(/\/api\/v2\/tasks$/, ({ request }) => {
    if (failed || new URL(request.url).searchParams.has("q")) return undefined;
    failed = true;
    return HttpResponse.json({ message: "Service temporarily unavailable.", detail: "Try later." }, { status: 503 });
  });
}

describe("the task list", () => {
  it("says how long each task waiting for input has waited, from its report history, the longest first", async () => {
    const sim = newSimulator();
    const before = [...idleStarts(sim, "alice")].sort((a, b) => a[1] - b[1]);
    expect(before.length).toBeGreaterThan(1);
    // The longest-waiting agent reports "idle" again: its latest report is new, its wait is not.
    const [longest] = before[0] ?? [""];
    const task = liveTasks(sim, "alice").find((t) => t.displayName === longest);
    const ws = task && sim.store.workspaceOf(task);
    if (!ws) throw new Error("no workspace");
    sim.engine.reportAppStatus(ws, "idle", "Still waiting for your answer", "");

    renderApp("/tasks?waiting=1", { as: "alice", sim });
    await screen.findByRole("table");
    const firstRow = () => within(screen.getByRole("table")).getAllByRole("row")[1]!;
    await waitFor(() => expect(within(firstRow()).getByRole("link", { name: longest })).toBeInTheDocument(), { timeout: 5_000 });
    expect(within(firstRow()).getByText(/^waiting \d+ (h|days)/)).toBeInTheDocument();
    expect(rowNames()).toEqual(before.map(([name]) => name));
  });

  it("shows a member their own tasks and none of anyone else's", async () => {
    const { sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const alice = taskNamesOf(sim, "alice");
    expect(alice.length).toBeGreaterThan(0);
    for (const name of alice) expect(screen.getAllByRole("link", { name }).length).toBeGreaterThan(0);
    const onlyBobs = taskNamesOf(sim, "bob").filter((name) => !alice.includes(name));
    expect(onlyBobs.length).toBeGreaterThan(0);
    for (const name of onlyBobs) expect(screen.queryByRole("link", { name })).not.toBeInTheDocument();
  });

  it("shows status in words, and the agent's state", async () => {
    renderApp("/tasks", { as: "alice" });
    const table = await screen.findByRole("table");
    expect(within(table).getAllByText("Paused").length).toBeGreaterThan(0);
    expect(within(table).getAllByText("Error").length).toBeGreaterThan(0);
    expect(within(table).getAllByText(/Waiting for input: Waiting for your answer/).length).toBeGreaterThan(0);
  });

  it("changes status over time without a reload", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    const sim = newSimulator();
    const pending = [...sim.store.tasks.values()].find(
      (t) => t.displayName && t.createdAt === Math.max(...[...sim.store.tasks.values()].map((x) => x.createdAt)),
    );
    const owner = [...sim.store.users.values()].find((u) => u.id === pending?.ownerId)?.username ?? "";
    renderApp("/tasks", { as: owner, sim });
    const link = await screen.findByRole("link", { name: pending?.displayName });
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByText("Pending")).toBeInTheDocument();
    sim.clock.advance(30_000);
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(await within(row).findByText("Active")).toBeInTheDocument();
  });

  it("keeps the last data with a stale notice when a refetch fails", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    const { sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    server.use(pageListFailsOnce());
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    const notice = await screen.findByText(/it may be out of date/);
    expect(notice.closest("[role=status]")).toHaveTextContent("Service temporarily unavailable.");
    expect(screen.getByRole("table")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: taskNamesOf(sim, "alice")[0] }).length).toBeGreaterThan(0);
  });

  it("says quietly when Coder's rate limit holds a refresh back, and keeps the list", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const limited = { message: "You've been rate limited for sending more than 512 requests in 1m0s." };
    server.use(http.get(/\/api\/v2\/tasks$/, () => HttpResponse.json(limited, { status: 429, headers: { "Retry-After": "60" } })));
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(await screen.findByText(/Coder asked for fewer requests \(rate limit\), so the page waits until/)).toBeInTheDocument();
    expect(screen.getByRole("table")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the server's error with Try again when nothing has loaded yet", async () => {
    server.use(pageListFailsOnce());
    const { user } = renderApp("/tasks", { as: "alice" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Service temporarily unavailable.");
    expect(alert).toHaveTextContent("Try later.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("table")).toBeInTheDocument();
  });

  it("has an empty state that leads to creating a task", async () => {
    renderApp("/tasks", { as: "alice", sim: newSimulator({ taskCount: 0 }) });
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create a task" })).toHaveAttribute("href", "/tasks/new");
  });
});
