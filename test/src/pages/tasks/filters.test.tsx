import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { liveTasks, rowNames, toggle } from "../../../support/list-helpers.ts";
import { newSimulator, renderApp } from "../../../support/render.tsx";
import { taskIn } from "../../../support/sim-tasks.ts";

describe("status filters", () => {
  it("counts each status live and filters to the chosen ones, in the URL", async () => {
    const { user, sim, router } = renderApp("/tasks", { as: "admin" });
    await screen.findByRole("table");
    const tasks = liveTasks(sim);
    const paused = tasks.filter((t) => t.status === "paused");
    expect(toggle(/Paused/)).toHaveTextContent(`Paused ${paused.length}`);
    expect(toggle(/Error/)).toHaveTextContent(`Error ${tasks.filter((t) => t.status === "error").length}`);
    const waiting = tasks.filter((t) => t.status === "active" && t.state === "idle");
    expect(toggle(/Waiting for input/)).toHaveTextContent(`Waiting for input ${waiting.length}`);

    await user.click(toggle(/Paused/));
    expect(toggle(/Paused/)).toHaveAttribute("aria-pressed", "true");
    expect(router.state.location.search).toBe("?status=paused");
    expect(rowNames().sort()).toEqual(paused.map((t) => t.displayName).sort());

    await user.click(toggle(/Waiting for input/));
    expect(router.state.location.search).toBe("?status=paused&waiting=1");
    // More rows than the window holds: the table's caption counts them all.
    expect(screen.getByRole("table")).toHaveAccessibleName(`Tasks, ${paused.length + waiting.length} shown`);
  });

  it("restores every filter from the URL, and the back button undoes a change", async () => {
    const { user, router } = renderApp("/tasks?status=active,error&q=terraform&sort=name&dir=desc", { as: "alice" });
    await screen.findByRole("table");
    expect(toggle(/Active/)).toHaveAttribute("aria-pressed", "true");
    expect(toggle(/Error/)).toHaveAttribute("aria-pressed", "true");
    expect(toggle(/Paused/)).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByLabelText("Search")).toHaveValue("terraform");
    expect(screen.getByLabelText("Sort by")).toHaveValue("name");
    expect(rowNames().length).toBeGreaterThan(0);
    for (const name of rowNames()) expect(name).toMatch(/terraform/i);
    await user.click(toggle(/Paused/));
    expect(router.state.location.search).toContain("status=active%2Cerror%2Cpaused");
    await act(() => router.navigate(-1));
    expect(toggle(/Paused/)).toHaveAttribute("aria-pressed", "false");
  });

  it("ignores nonsense in the URL and shows the default list", async () => {
    renderApp("/tasks?status=sleeping&sort=sideways&dir=up&owner=%3Cscript%3E&waiting=maybe", { as: "alice" });
    await screen.findByRole("table");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Sort by")).toHaveValue("attention");
    for (const button of within(screen.getByRole("group", { name: "Filter by status" })).getAllByRole("button")) {
      expect(button).toHaveAttribute("aria-pressed", "false");
    }
  });
});

describe("stuck", () => {
  it("counts stuck tasks on a chip, shows only them with why, and takes the user's limits", async () => {
    const { user, sim, router } = renderApp("/tasks?owner=bob", { as: "admin" });
    await screen.findByRole("table");
    const longStart = liveTasks(sim, "bob").find((t) => t.status === "initializing" && Date.now() - t.createdAt > 60 * 60_000);
    expect(longStart).toBeDefined();
    const chip = toggle(/^Stuck/);
    const count = Number(chip.textContent?.match(/(\d+)$/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await user.click(chip);
    expect(router.state.location.search).toContain("stuck=1");
    const rows = rowNames();
    expect(rows).toHaveLength(count);
    expect(rows).toContain(longStart?.displayName);
    for (const row of within(screen.getByRole("table")).getAllByRole("row").slice(1)) expect(row).toHaveTextContent(/⚠ Stuck: /);

    // Allowed a longer start, the long-starting task is no longer stuck.
    await user.click(screen.getByText("Stuck after…"));
    const starting = screen.getByLabelText("Starting for");
    await user.clear(starting);
    await user.type(starting, "1000");
    await user.tab();
    expect(router.state.location.search).toContain("stuck-initializing=1000");
    await waitFor(() => expect(rowNames()).not.toContain(longStart?.displayName));
  });
});

describe("search and sort", () => {
  it("searches names, prompts and messages, and writes the search to the URL", async () => {
    const { user, sim, router } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const mine = liveTasks(sim, "alice");
    const word = (mine[0]?.prompt.split(" ").sort((a, b) => b.length - a.length)[0] ?? "").toUpperCase();
    await user.type(screen.getByLabelText("Search"), word);
    const expected = mine.filter((t) => `${t.prompt} ${t.name}`.toLowerCase().includes(word.toLowerCase())).map((t) => t.displayName);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(mine.length);
    await waitFor(() => expect(rowNames().sort()).toEqual(expected.sort()));
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent(word)}`));
  });

  it("sorts by name and reverses", async () => {
    const { user } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    await user.selectOptions(screen.getByLabelText("Sort by"), "name");
    const names = rowNames();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await user.click(screen.getByRole("button", { name: /Ascending: switch to descending/ }));
    expect(rowNames()).toEqual([...names].reverse());
  });

  it("puts tasks that need attention first by default", async () => {
    const { sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const needy = liveTasks(sim, "alice").filter(
      (t) => t.status === "error" || (t.status === "active" && (t.state === "idle" || t.state === "failure")),
    );
    expect(rowNames().slice(0, needy.length).sort()).toEqual(needy.map((t) => t.displayName).sort());
  });
});

describe("owner and organization", () => {
  it("offers the pickers to the site owner and filters on the server", async () => {
    const { user, router, sim } = renderApp("/tasks", { as: "admin" });
    await screen.findByRole("table");
    await user.type(await screen.findByLabelText("Owner"), "bob{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe("?owner=bob"));
    await waitFor(() =>
      expect(rowNames().sort()).toEqual(
        liveTasks(sim, "bob")
          .map((t) => t.displayName)
          .sort(),
      ),
    );
    await user.selectOptions(screen.getByLabelText("Organization"), "platform");
    expect(router.state.location.search).toBe("?owner=bob&org=platform");
    expect(await screen.findByText("No tasks for this owner or organization.")).toBeInTheDocument();
  });

  it("shows the server's words for an owner it does not know", async () => {
    const { user } = renderApp("/tasks", { as: "admin" });
    await screen.findByRole("table");
    await user.type(await screen.findByLabelText("Owner"), "nobody{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Invalid task search query.");
    expect(alert).toHaveTextContent('user "nobody" either does not exist');
  });
});

describe("live", () => {
  it("counts tasks waiting for input in the tab title", async () => {
    const { sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const waiting = liveTasks(sim, "alice").filter((t) => t.status === "active" && t.state === "idle").length;
    expect(waiting).toBeGreaterThan(0);
    expect(document.title).toBe(`(${waiting}) Tasks`);
  });
});

describe("scale", () => {
  it("keeps only the rows on screen in the DOM for 10,000 tasks", async () => {
    renderApp("/tasks", { as: "admin", sim: newSimulator({ taskCount: 10_000 }) });
    const table = await screen.findByRole("table", {}, { timeout: 10_000 });
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    const rows = within(table).getAllByRole("row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(150);
  }, 30_000);
});

describe("bulk actions", () => {
  it("pauses the selected tasks and reports each result", async () => {
    const { user, sim } = renderApp("/tasks?waiting=1", { as: "alice" });
    await screen.findByRole("table");
    const [first, second] = rowNames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${first}` }));
    await user.click(screen.getByRole("checkbox", { name: `Select ${second}` }));
    const bar = screen.getByRole("toolbar", { name: "Selected tasks" });
    expect(bar).toHaveTextContent("2 selected");
    expect(within(bar).queryByRole("button", { name: /Resume/ })).not.toBeInTheDocument();
    await user.click(within(bar).getByRole("button", { name: "Pause 2" }));
    const results = await screen.findByRole("region", { name: "Results" });
    expect(results).toHaveTextContent("Paused 2 of 2 tasks.");
    for (const name of [first, second]) {
      const task = [...sim.store.tasks.values()].find(
        (t) =>
          t.displayName === name &&
          t.ownerId === sim.store.userByUsername("alice")?.id &&
          sim.store.workspaceOf(t)?.builds.at(-1)?.transition === "stop",
      );
      expect(task, name).toBeDefined();
    }
  });

  it("slows down rather than fails when Coder's rate limit refuses part of a bulk action", async () => {
    const { user, sim } = renderApp("/tasks?waiting=1", { as: "alice" });
    await screen.findByRole("table");
    const [first] = rowNames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${first}` }));
    const limited = { message: "You've been rate limited for sending more than 512 requests in 1m0s." };
    server.use(http.post(/\/pause$/, () => HttpResponse.json(limited, { status: 429, headers: { "Retry-After": "1" } }), { once: true }));
    await user.click(within(screen.getByRole("toolbar", { name: "Selected tasks" })).getByRole("button", { name: "Pause 1" }));
    const results = await screen.findByRole("region", { name: "Results" }, { timeout: 4_000 });
    expect(results).toHaveTextContent("Paused 1 of 1 task.");
    const paused = liveTasks(sim, "alice").find(
      (t) => t.displayName === first && sim.store.workspaceOf(t)?.builds.at(-1)?.transition === "stop",
    );
    expect(paused).toBeDefined();
  });

  it("deletes only what Coder would accept, names each task, reports each answer, and drops the deleted at once", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    const sim = newSimulator();
    taskIn(sim, "paused").task.displayName = "Paused, to delete";
    taskIn(sim, "pending").task.displayName = "Starting, to keep";
    // A build in flight: Coder would refuse to delete it (409), so it is not sent.
    const starting = liveTasks(sim, "alice").filter((t) => t.status === "pending");
    const paused = liveTasks(sim, "alice").filter((t) => t.status === "paused");
    expect(starting.length).toBeGreaterThan(0);
    expect(paused.length).toBeGreaterThan(1);
    const { user } = renderApp("/tasks?status=pending,paused", { as: "alice", sim });
    await screen.findByRole("table");
    await user.click(screen.getByRole("checkbox", { name: /Select all/ }));
    const bar = screen.getByRole("toolbar", { name: "Selected tasks" });
    expect(bar).toHaveTextContent(`${starting.length} with a build running`);
    await user.click(within(bar).getByRole("button", { name: `Delete ${paused.length}` }));
    const dialog = screen.getByRole("dialog", { name: `Delete these ${paused.length} tasks?` });
    for (const task of paused) expect(dialog).toHaveTextContent(task.displayName);
    for (const task of starting) expect(dialog).not.toHaveTextContent(task.displayName);
    const refused = { message: "You do not have permission to delete this workspace.", detail: "Ask the owner." };
    server.use(http.delete(/\/api\/v2\/tasks\/alice\/[^/]+$/, () => HttpResponse.json(refused, { status: 403 }), { once: true }));
    await user.click(within(dialog).getByRole("button", { name: `Delete ${paused.length} tasks` }));
    const results = await screen.findByRole("region", { name: "Results" });
    expect(results).toHaveTextContent(`Deleted ${paused.length - 1} of ${paused.length} tasks. 1 failed.`);
    expect(results).toHaveTextContent(`: ${refused.message} (${refused.detail})`);
    const gone = paused.filter((t) => sim.store.tasks.get(t.id)?.deletedAt !== null);
    expect(gone).toHaveLength(paused.length - 1);
    const shown = rowNames();
    for (const task of gone) expect(shown).not.toContain(task.displayName);
    for (const task of starting) expect(shown).toContain(task.displayName);
  });

  it("backs out of a delete with Cancel", async () => {
    const { user, sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const [first] = rowNames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${first}` }));
    await user.click(within(screen.getByRole("toolbar", { name: "Selected tasks" })).getByRole("button", { name: "Delete 1" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(liveTasks(sim, "alice").some((t) => t.displayName === first)).toBe(true);
  });
});
