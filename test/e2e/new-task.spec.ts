import { expect, test } from "./fixtures.ts";
import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server.stop());

async function taskCount(): Promise<number> {
  const token = await apiToken(server.url, "alice@example.com");
  const response = await fetch(`${server.url}/api/v2/tasks`, { headers: { "Coder-Session-Token": token } });
  return ((await response.json()) as { count: number }).count;
}

test("an invalid name is caught before anything is sent", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks/new");
  const before = await taskCount();
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/v2/tasks/")) posted++;
  });
  await page.getByLabel("Prompt").fill("Rename the billing module");
  await page.getByLabel("Name (optional)", { exact: true }).fill("billing rename");
  await expect(page.getByText(/Letters and digits only/)).toBeVisible();
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);
  expect(posted).toBe(0);
  expect(await taskCount()).toBe(before);
});

test.describe("refused by the server", () => {
  test.use({ allowedHttpErrors: [409] });

  test("a duplicate name shows the server's error on the name field", async ({ page }) => {
    await signIn(page, server.url, "alice@example.com", "/tasks/new");
    await page.getByLabel("Prompt").fill("First of two");
    await page.getByLabel("Name (optional)", { exact: true }).fill("twin-task");
    await page.getByRole("button", { name: "Create task" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "First of two" })).toBeVisible();

    await page.goto(`${server.url}/tasks/new`);
    await page.getByLabel("Prompt").fill("Second of two");
    await page.getByLabel("Name (optional)", { exact: true }).fill("twin-task");
    await page.getByRole("button", { name: "Create task" }).click();
    const name = page.getByLabel("Name (optional)", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText('Workspace "twin-task" already exists. This value is already in use and should be unique.')).toBeVisible();
    await expect(page.getByLabel("Prompt")).toHaveValue("Second of two");
  });
});

test("the draft survives a reload, and is gone once the task is created", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks/new");
  await page.getByRole("radio", { name: /Codex/ }).check();
  await page.getByLabel("Prompt").fill("An idea worth keeping");
  await page.getByLabel("Name (optional)", { exact: true }).fill("keep-me");
  await page.reload();
  await expect(page.getByLabel("Prompt")).toHaveValue("An idea worth keeping");
  await expect(page.getByLabel("Name (optional)", { exact: true })).toHaveValue("keep-me");
  await expect(page.getByRole("radio", { name: /Codex/ })).toBeChecked();
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "An idea worth keeping" })).toBeVisible();
  await page.goto(`${server.url}/tasks/new`);
  await expect(page.getByLabel("Prompt")).toHaveValue("");
});
