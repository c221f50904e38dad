import { expect, test } from "./fixtures.ts";
import { startServer, taskNamesOf, type RunningServer } from "./servers.ts";

let coder: RunningServer;
let dashboard: RunningServer;
test.beforeAll(async () => {
  // The "real Coder" is a second simulator; the dashboard reaches it only through its same-origin proxy.
  coder = await startServer();
  dashboard = await startServer({ CODER_URL: coder.url });
});
test.afterAll(async () => {
  await dashboard.stop();
  await coder.stop();
});

// The wrong password below is Coder's 401.
test.use({ allowedHttpErrors: [401] });

test("the dashboard works against a Coder behind CODER_URL, exactly as with the simulator", async ({ page }) => {
  await page.goto(`${dashboard.url}/tasks`);
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alice = await taskNamesOf(coder.url, "alice");
  await expect(page.getByRole("table").getByRole("link", { name: alice[0], exact: true }).first()).toBeVisible();

  // Wrong credentials come back as Coder's words through the proxy.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Incorrect email or password.");

  const sim = await page.request.post(`${dashboard.url}/sim/clock/advance`, { data: { ms: 1 } });
  expect(sim.status()).toBe(404);
});
