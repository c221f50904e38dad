import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";
import { expect, test } from "./fixtures.ts";

let server: RunningServer;
test.beforeAll(async () => {
  // Ten times faster: Coder's 30 s dial takes 3 s here.
  server = await startServer({ SIM_SPEED: "10" });
});
test.afterAll(async () => server.stop());

// Coder's answer once it gives up dialling the agent.
test.use({ allowedHttpErrors: [502] });

test("a message to an agent Coder cannot reach comes back with words for it, and stays in the box", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks?waiting=1");
  await page.getByRole("table").getByRole("link").first().click();
  const log = page.getByRole("log", { name: "Conversation" });
  await expect(log).toBeVisible();
  const id = page.url().split("/").pop() ?? "";
  const admin = await apiToken(server.url, "admin@example.com");
  const set = await fetch(`${server.url}/sim/tasks/${id}/agent`, {
    method: "POST",
    headers: { "Coder-Session-Token": admin, "Content-Type": "application/json" },
    body: JSON.stringify({ reachable: false }),
  });
  expect(set.status).toBe(200);

  const box = page.getByRole("textbox", { name: "Message to the agent" });
  await box.fill("Are you still there?");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("alert")).toContainText("The task's agent cannot be reached", { timeout: 15_000 });
  await expect(box).toHaveValue("Are you still there?");
  await expect(page.getByText(/The task's agent cannot be reached right now/)).toBeVisible({ timeout: 15_000 });
  await expect(log).toBeVisible();
});
