import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";
import { expect, test } from "./fixtures.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ SIM_CODER_VERSION: "v2.37.0" });
});
test.afterAll(async () => server.stop());

// Coder v2.37 without CODER_ENABLE_AI_TASKS has no task routes: they answer "Route not found.".
test.use({ allowedHttpErrors: [404] });

test("a Coder with Tasks turned off says so in plain words on every page", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com", "/tasks");
  const headline = page.getByRole("heading", { name: "Coder Tasks is turned off on this deployment (Coder v2.37.0)." });
  await expect(headline).toBeVisible();
  await expect(page.getByText(/an administrator can turn it back on with CODER_ENABLE_AI_TASKS=true/)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.goto(`${server.url}/wall`);
  await expect(headline).toBeVisible();
});
