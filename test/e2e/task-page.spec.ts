import { expect, test } from "./fixtures.ts";
import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

/** Installed before a delete: notes whether a link named `name` ever appears in the page. */
function watchForLink(name: string) {
  const w = window as unknown as { __sawLink: boolean };
  w.__sawLink = false;
  new MutationObserver(() => {
    if ([...document.querySelectorAll("table a")].some((a) => a.textContent === name)) w.__sawLink = true;
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ SIM_SPEED: "4" });
});
test.afterAll(async () => server.stop());

test("an owner follows a task through its life: live log, send, pause, edit, resume, delete", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, server.url, "alice@example.com");

  // Create a task and watch it start: the conversation fills in without a reload.
  await page.goto(`${server.url}/tasks/new`);
  await page.getByLabel("Prompt").fill("Tidy up the README badges");
  await page.getByRole("button", { name: "Create task" }).click();
  const title = page.getByRole("heading", { level: 1, name: "Tidy up the README badges" });
  await expect(title).toBeVisible();
  const log = page.getByRole("log", { name: "Conversation" });
  await expect(log.getByText("I'll start by reading the code involved in: Tidy up the README badges.", { exact: false })).toBeVisible({
    timeout: 30_000,
  });
  await expect(log.getByText(/Ran \d+ tests: all passed\./)).toBeVisible({ timeout: 30_000 });
  // The simulated agent ends its first piece of work waiting, complete or failed: each takes a message.
  await expect(page.getByRole("region", { name: "Current state" })).toContainText(/Waiting for input|Complete|Failed/, { timeout: 30_000 });

  // Send a message and see it, then the agent's answer, in the log.
  await page.getByRole("textbox", { name: "Message to the agent" }).fill("Use shields.io for the badges");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(log.getByText("Use shields.io for the badges", { exact: true })).toBeVisible();
  await expect(log.getByText(/Understood: Use shields\.io for the badges/)).toBeVisible({ timeout: 20_000 });

  // Pause: the conversation stays on screen, marked as stopping, until the snapshot arrives.
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(/^Stopping: this is the conversation as it was/)).toBeVisible();
  await expect(log.getByText("Use shields.io for the badges", { exact: true })).toBeVisible();
  await expect(title.locator("..")).toContainText("Paused", { timeout: 30_000 });
  await expect(page.getByText(/Snapshot taken .*, when the task was paused\./)).toBeVisible({ timeout: 20_000 });
  await expect(log.getByText("Use shields.io for the badges", { exact: true })).toBeVisible();

  // Edit the prompt while paused.
  await page.getByRole("button", { name: "Edit prompt" }).click();
  await page.getByRole("textbox", { name: "New prompt" }).fill("Tidy up the README badges and the license section");
  await page.getByRole("button", { name: "Save prompt" }).click();
  await expect(page.getByText(/Prompt saved/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Prompt" })).toContainText("Tidy up the README badges and the license section");

  // Resume: active again, working on the new prompt.
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Resume" }).click();
  await expect(title.locator("..")).toContainText("Active", { timeout: 30_000 });
  await expect(log.getByText("Tidy up the README badges and the license section", { exact: true })).toBeVisible({ timeout: 30_000 });

  // Delete: confirmed by name, then at once on a list that never draws the task again.
  const remove = page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Delete" });
  // Coder refuses a delete while the resume's build runs, so the button waits for it.
  await expect(remove).toBeEnabled({ timeout: 40_000 });
  await remove.click();
  const confirm = page.getByRole("dialog", { name: "Delete “Tidy up the README badges”?" });
  await page.evaluate(watchForLink, "Tidy up the README badges");
  const clicked = Date.now();
  await confirm.getByRole("button", { name: "Delete task" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  expect(Date.now() - clicked).toBeLessThan(1_000);
  await expect(page.getByRole("table")).toBeVisible();
  // Past the list's refetch, the deleted task was never drawn.
  await page.waitForTimeout(1_500);
  expect(await page.evaluate(() => (window as unknown as { __sawLink: boolean }).__sawLink)).toBe(false);
});

test("new entries arrive while reading earlier ones, and a permalink opens at its entry", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks?waiting=1");
  const link = page.getByRole("table").getByRole("link").first();
  await link.click();
  const log = page.getByRole("log", { name: "Conversation" });
  await expect(log).toBeVisible();
  const taskId = page.url().split("/").pop() ?? "";

  const token = await apiToken(server.url, "admin@example.com");
  const add = (content: string, count = 1) =>
    fetch(`${server.url}/sim/tasks/${taskId}/messages`, {
      method: "POST",
      headers: { "Coder-Session-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify({ role: "agent", content, count }),
    });
  // An agent reports after it has spoken: that workspace event is what brings an open page the new entries.
  const agentToken = (
    (await (await fetch(`${server.url}/sim/tasks/${taskId}/agent-token`, { headers: { "Coder-Session-Token": token } })).json()) as {
      token: string;
    }
  ).token;
  const report = () =>
    fetch(`${server.url}/api/v2/workspaceagents/me/app-status`, {
      method: "PATCH",
      headers: { "Coder-Session-Token": agentToken, "Content-Type": "application/json" },
      body: JSON.stringify({ app_slug: "agentapi", state: "idle", message: "Waiting for your answer" }),
    });
  expect((await add("Filler line", 40)).status).toBe(201);
  await report();
  await expect(log.getByText("Filler line 40")).toBeVisible({ timeout: 10_000 });

  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  await add("Arrived while you read");
  await report();
  await expect(page.getByRole("button", { name: "1 new message ↓" })).toBeVisible({ timeout: 10_000 });
  await page.getByRole("button", { name: "1 new message ↓" }).click();
  await expect(log.getByText("Arrived while you read")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-log\.json$/);
  const saved = JSON.parse(await streamText(await download.createReadStream())) as { id: number; content: string; type: string }[];
  expect(saved.at(-1)).toMatchObject({ content: "Arrived while you read", type: "output" });

  await page.goto(`${page.url().split("#")[0]}#log-3`);
  await expect(page.locator("#log-3")).toBeInViewport();
});

test.describe("a task that is not there", () => {
  test.use({ allowedHttpErrors: [404] });

  test("says so within a second", async ({ page }) => {
    await signIn(page, server.url, "alice@example.com");
    const started = Date.now();
    await page.goto(`${server.url}/tasks/alice/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { name: "Task not found, or you don't have access" })).toBeVisible({ timeout: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
