import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../support/setup-ui.ts";
import { advance } from "../../../support/sim-tasks.ts";
import { openTask, poll } from "../../../support/task-page.ts";

describe("editing the prompt", () => {
  it("saves a new prompt for a paused task", async () => {
    const { user, task } = openTask("paused");
    await user.click(await screen.findByRole("button", { name: "Edit prompt" }));
    const box = screen.getByRole("textbox", { name: "New prompt" });
    expect(box).toHaveValue("Check the page");
    await user.clear(box);
    await user.type(box, "Check the page, then the footer");
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    expect(await screen.findByText(/Prompt saved/)).toBeInTheDocument();
    expect(task.prompt).toBe("Check the page, then the footer");
  });

  it("keeps the edit and shows why when the server refuses", async () => {
    const { user, task } = openTask("paused");
    server.use(
      http.patch(
        /\/input$/,
        () =>
          HttpResponse.json(
            {
              message: "Unable to update task input, task must be paused.",
              detail: "Please stop the task's workspace before updating the input.",
            },
            { status: 409 },
          ),
        { once: true },
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Edit prompt" }));
    await user.type(screen.getByRole("textbox", { name: "New prompt" }), " — more");
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Unable to update task input, task must be paused.");
    expect(screen.getByRole("textbox", { name: "New prompt" })).toHaveValue("Check the page — more");
    expect(task.prompt).toBe("Check the page");
  });

  it("pauses first when asked, then opens the editor", async () => {
    const { user, sim, ws } = openTask("idle");
    await user.click(await screen.findByRole("button", { name: "Pause and edit" }));
    await waitFor(() => expect(ws.builds.at(-1)?.transition).toBe("stop"));
    advance(sim, 3_000);
    await poll();
    expect(await screen.findByRole("textbox", { name: "New prompt" })).toHaveValue("Check the page");
  });
});
