import { expect, test } from "./fixtures.ts";
import { startServer, taskNamesOf, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server.stop());

test("an admin filters by status and by owner and sees only matching rows, in the URL", async ({ page }) => {
  await signIn(page, server.url, "admin@example.com");
  const table = page.getByRole("table");
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: /Paused/ })
    .click();
  await expect(page).toHaveURL(/\/tasks\?status=paused$/);
  const statusCells = table.getByRole("row").locator("td:nth-child(3)");
  await expect(statusCells.first()).toBeVisible();
  for (const text of await statusCells.allTextContents()) expect(text).toContain("Paused");

  await page.getByLabel("Owner").fill("bob");
  await page.getByLabel("Owner").press("Enter");
  await expect(page).toHaveURL(/\/tasks\?status=paused&owner=bob$/);
  const ownerCells = table.getByRole("row").locator("td:nth-child(5)");
  await expect(ownerCells.first()).toContainText("bob");
  for (const text of await ownerCells.allTextContents()) expect(text).toContain("bob");
  const bobs = await taskNamesOf(server.url, "bob");
  for (const name of await table.getByRole("row").locator("td:nth-child(2) a").allTextContents()) expect(bobs).toContain(name);

  // The URL is the state: a reload shows the same filtered list.
  await page.reload();
  await expect(page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /Paused/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("Owner")).toHaveValue("bob");
});

test("selecting two active tasks and pausing them makes them paused", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks?waiting=1");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(2)).toBeVisible();
  const names = [await rows.nth(1).getByRole("link").first().textContent(), await rows.nth(2).getByRole("link").first().textContent()];
  for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByRole("toolbar", { name: "Selected tasks" }).getByRole("button", { name: "Pause 2" }).click();
  await expect(page.getByRole("region", { name: "Results" })).toContainText("Paused 2 of 2 tasks.");

  await page.goto(`${server.url}/tasks?status=paused`);
  for (const name of names) {
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: name ?? "", exact: true }) });
    await expect(row.locator("td:nth-child(3)")).toContainText("Paused", { timeout: 20_000 });
  }
});
