import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";
import { expect, test } from "./fixtures.ts";

let server: RunningServer;
test.beforeAll(async () => {
  // Three requests a minute for each path: the list's third poll (about 30 s in) meets the limit.
  server = await startServer({ SIM_RATE_LIMIT: "3" });
});
test.afterAll(async () => server.stop());

// The refused polls are Coder's 429s.
test.use({ allowedHttpErrors: [429] });

test("when Coder's rate limit holds the list back, the page says so quietly and keeps the list", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, server.url, "alice@example.com");
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  await expect(page.getByText(/Coder asked for fewer requests \(rate limit\), so the page waits until/)).toBeVisible({ timeout: 55_000 });
  await expect(table).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
