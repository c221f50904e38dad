import { expect, test } from "./fixtures.ts";
import { signIn } from "./session.ts";
import { startServer, taskNamesOf, type RunningServer } from "./servers.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ SIM_SPEED: "3" });
});
test.afterAll(async () => server.stop());

test("alice signs in, sees her tasks and none of bob's, stays signed in on reload, signs out", async ({ page }) => {
  // Tall enough for all her rows: the list draws only the rows on screen.
  await page.setViewportSize({ width: 1280, height: 2600 });
  await signIn(page, server.url, "alice@example.com");
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByLabel("Signed in as")).toContainText("Alice Anders");
  // A member sees only their own tasks, so there is no one else to pick.
  await expect(page.getByLabel("Owner")).toHaveCount(0);

  const alice = await taskNamesOf(server.url, "alice");
  const onlyBobs = (await taskNamesOf(server.url, "bob")).filter((name) => !alice.includes(name));
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: alice[0], exact: true }).first()).toBeVisible();
  for (const name of alice) await expect(table.getByRole("link", { name, exact: true }).first()).toBeVisible();
  for (const name of onlyBobs) await expect(table.getByRole("link", { name, exact: true })).toHaveCount(0);

  await page.reload();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("table")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await expect(page.getByRole("heading", { name: "Sign in to Coder Tasks" })).toBeVisible();
  await page.goto(`${server.url}/tasks`);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a new task starts and becomes active while its page is open, and shows in the list", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New task" }).click();
  await page.getByLabel("Prompt").fill("Add a /healthz endpoint to the API");
  await page.getByRole("button", { name: "Create task" }).click();
  const heading = page.getByRole("heading", { level: 1, name: "Add a /healthz endpoint to the API" });
  await expect(heading).toBeVisible();
  await expect(heading.locator("..")).toContainText(/Pending|Initializing/);
  await expect(heading.locator("..")).toContainText("Active", { timeout: 30_000 });
  await page.getByRole("link", { name: "← Tasks" }).click();
  await expect(page.getByRole("table").getByRole("link", { name: "Add a /healthz endpoint to the API" })).toBeVisible();
});

test("the page carries a CSP without inline script", async ({ page }) => {
  const response = await page.goto(`${server.url}/login`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
});
