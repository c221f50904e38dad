import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { server } from "../../support/setup-ui.ts";
import { newSimulator, renderApp } from "../../support/render.tsx";
import { taskIn } from "../../support/sim-tasks.ts";

/** The task lists the app asks for, by their q. */
function listRequests(): string[] {
  const seen: string[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === "/api/v2/tasks") seen.push(url.searchParams.get("q") ?? "");
  });
  return seen;
}

describe("the header's watch on the user's own tasks", () => {
  it("reads them from the list page's own list, so the list page makes one list request", async () => {
    const seen = listRequests();
    renderApp("/tasks", { as: "alice" });
    await screen.findByRole("table");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([""]);
  });

  it("asks for them itself on a page without that list, and counts the waiting ones on the favicon", async () => {
    const sim = newSimulator();
    const { task } = taskIn(sim, "idle");
    const seen = listRequests();
    const icon = document.createElement("link");
    icon.rel = "icon";
    document.head.append(icon);
    try {
      renderApp(`/tasks/alice/${task.id}`, { as: "alice", sim });
      await screen.findByRole("heading", { name: "UI test task" });
      await waitFor(() => expect(seen).toContain("owner:me"));
      await waitFor(() => expect(decodeURIComponent(icon.href)).toMatch(/>\d+<\/text>/));
    } finally {
      icon.remove();
    }
  });
});
