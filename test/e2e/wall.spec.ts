import { expect, test } from "./fixtures.ts";
import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

const WALL_TOKEN = "WallScreen-0123456789abcdefghijkl";

test.describe("the team wall", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => server.stop());

  test("shows the groups and updates when a task changes", async ({ page }) => {
    await signIn(page, server.url, "admin@example.com", "/wall?owner=bob");
    await expect(page.getByRole("heading", { name: /Needs you \(\d+\)/ })).toBeVisible();
    const waiting = page
      .getByRole("region", { name: /Needs you/ })
      .getByRole("listitem")
      .first();
    const name = (await waiting.locator("span[title]").first().getAttribute("title")) ?? "";

    const token = await apiToken(server.url, "admin@example.com");
    const list = await fetch(`${server.url}/api/v2/tasks?q=owner:bob`, { headers: { "Coder-Session-Token": token } });
    const task = ((await list.json()) as { tasks: { id: string; display_name: string }[] }).tasks.find((t) => t.display_name === name);
    const pause = await fetch(`${server.url}/api/v2/tasks/bob/${task?.id}/pause`, {
      method: "POST",
      headers: { "Coder-Session-Token": token },
    });
    expect(pause.status).toBe(202);

    await expect(page.getByRole("region", { name: /Paused/ }).getByTitle(name)).toBeVisible({ timeout: 25_000 });
    await expect(page.getByRole("region", { name: /Needs you/ }).getByTitle(name)).toHaveCount(0);
  });
});

test.describe("the read-only wall token", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({ CODER_WALL_TOKEN: WALL_TOKEN });
  });
  test.afterAll(async () => server.stop());

  test("lets /wall load without a sign-in, and refuses a write made with it", async ({ page }) => {
    await page.goto(`${server.url}/wall`);
    await expect(page.getByRole("heading", { name: /Needs you \(\d+\)/ })).toBeVisible();
    await expect(page).toHaveURL(/\/wall$/);

    const list = await page.request.get(`${server.url}/api/v2/tasks`);
    const [task] = ((await list.json()) as { tasks: { id: string; owner_name: string }[] }).tasks;
    const refused = await page.request.post(`${server.url}/api/v2/tasks/${task?.owner_name}/${task?.id}/pause`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe("The wall token may only read the task list.");
    const withToken = await page.request.delete(`${server.url}/api/v2/tasks/${task?.owner_name}/${task?.id}`, {
      headers: { "Coder-Session-Token": WALL_TOKEN },
    });
    expect(withToken.status()).toBe(403);
  });
});
