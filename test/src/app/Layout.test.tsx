import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { liveTasks } from "../../support/list-helpers.ts";
import { newSimulator, renderApp } from "../../support/render.tsx";
import { advance, taskIn } from "../../support/sim-tasks.ts";
import { faviconWithBadge } from "../../../src/lib/favicon.ts";

describe("keyboard shortcuts", () => {
  it("/ searches, j and k move through the list, Enter opens", async () => {
    const { user, router } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    await user.keyboard("/");
    expect(screen.getByLabelText("Search")).toHaveFocus();
    await user.keyboard("{Escape}");
    screen.getByLabelText("Search").blur();
    const links = screen.getAllByRole("link").filter((a) => a.hasAttribute("data-row-link"));
    await user.keyboard("j");
    expect(links[0]).toHaveFocus();
    await user.keyboard("jj");
    expect(links[2]).toHaveFocus();
    await user.keyboard("k");
    expect(links[1]).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe(links[1]?.getAttribute("href")));
  });

  it("n opens the new-task form, but not while typing", async () => {
    const { user, router } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    await user.type(screen.getByLabelText("Search"), "n");
    expect(router.state.location.pathname).toBe("/tasks");
    screen.getByLabelText("Search").blur();
    await user.keyboard("n");
    expect(router.state.location.pathname).toBe("/tasks/new");
  });

  it("? lists the shortcuts; Escape closes the list", async () => {
    const { user } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    await user.keyboard("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog).toHaveTextContent("Next / previous task in the list");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

describe("theme", () => {
  it("follows the system until a theme is chosen, and remembers the choice", async () => {
    const { user, unmount } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const themed = () => screen.getByRole("banner").parentElement;
    expect(themed()).not.toHaveClass("dark");
    await user.selectOptions(screen.getByLabelText("Theme"), "dark");
    expect(themed()).toHaveClass("dark");
    unmount();
    renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    expect(themed()).toHaveClass("dark");
    expect(screen.getByLabelText("Theme")).toHaveValue("dark");
  });
});

describe("notifications", () => {
  const shown: { title: string; body: string }[] = [];

  beforeEach(() => {
    shown.length = 0;
    // jsdom has no Notification API: this stands in for the browser's, with permission already granted.
    vi.stubGlobal(
      "Notification",
      class {
        static permission: NotificationPermission = "granted";
        static requestPermission = async () => "granted" as const;
        onclick: (() => void) | null = null;
        constructor(title: string, options: NotificationOptions) {
          shown.push({ title, body: options.body ?? "" });
        }
      },
    );
    const icon = document.createElement("link");
    icon.rel = "icon";
    icon.href = faviconWithBadge(0);
    document.head.append(icon);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.head.querySelector("link[rel=icon]")?.remove();
  });

  it("are off by default, and once on, announce a task that starts waiting for input", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
    const sim = newSimulator();
    const { task } = taskIn(sim, "working");
    const { user } = renderApp("/tasks", { as: "alice", sim });
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Notifications" }));
    const waiting = await screen.findByRole("checkbox", { name: "A task is waiting for my input" });
    expect(waiting).not.toBeChecked();
    await user.click(waiting);
    expect(screen.getByRole("button", { name: "Notifications (1 on)" })).toBeInTheDocument();

    advance(sim, 20_000);
    await act(async () => {
      vi.advanceTimersByTime(30_000);
    });
    await waitFor(() => expect(shown).toContainEqual({ title: "A task is waiting for your input", body: task.displayName }));
    expect(shown.filter((n) => n.body === task.displayName)).toHaveLength(1);
  });

  it("put the number of tasks waiting for input on the favicon", async () => {
    const { sim } = renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    const waiting = liveTasks(sim, "alice").filter((t) => t.status === "active" && t.state === "idle").length;
    const icon = document.head.querySelector<HTMLLinkElement>("link[rel=icon]");
    await waitFor(() => expect(decodeURIComponent(icon?.href ?? "")).toContain(`>${waiting}</text>`));
  });
});
