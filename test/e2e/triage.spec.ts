import { expect, test } from "./fixtures.ts";
import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server.stop());

test("the list says how long each agent has waited, longest first; stuck tasks have a chip and a group on the wall", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, server.url, "admin@example.com", "/tasks?waiting=1");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(/waiting \d+ (h|days)/);
  const waits = await rows.filter({ hasText: /waiting / }).allTextContents();
  expect(waits.length).toBeGreaterThan(1);

  await page.goto(`${server.url}/tasks?stuck=1`);
  const chip = page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^⚠? ?Stuck/ });
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(chip).toHaveText(/Stuck [1-9]\d*$/);
  const count = Number((await chip.textContent())?.match(/(\d+)\s*$/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(rows).toHaveCount(count + 1);
  for (const row of await rows.all().then((all) => all.slice(1))) await expect(row).toContainText("⚠ Stuck:");

  await page.goto(`${server.url}/wall`);
  // On the wall a stuck task that waits for a person stays under "Needs you", still marked stuck.
  const stuck = page.getByRole("region", { name: /^Stuck/ });
  await expect(stuck.getByRole("listitem").first()).toContainText("⚠ Stuck:");
  await expect(page.getByRole("listitem").filter({ hasText: "⚠ Stuck:" })).toHaveCount(count);
  await page.screenshot({ path: "test-results/wall-triage.png" });
});
