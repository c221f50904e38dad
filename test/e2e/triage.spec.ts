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

  // The tasks that can be stuck (a paused one cannot), so the tiles have room for the reason.
  await page.goto(`${server.url}/wall?status=pending,initializing,active,error,unknown`);
  // On the wall a stuck task that waits for a person stays under "Needs you", still marked stuck.
  const stuck = page.getByRole("region", { name: /^Stuck/ });
  await expect(stuck.getByRole("listitem").first()).toContainText("⚠ Stuck:");
  await expect(page.getByRole("listitem").filter({ hasText: "⚠ Stuck:" })).toHaveCount(count);
  await page.screenshot({ path: "test-results/wall-triage.png" });
});

for (const mode of ["simulator", "proxy"] as const) {
  test.describe(`answering in place and insights (${mode})`, () => {
    let coder: RunningServer;
    let dashboard: RunningServer;
    test.beforeAll(async () => {
      coder = mode === "proxy" ? await startServer() : server;
      dashboard = mode === "proxy" ? await startServer({ CODER_URL: coder.url }) : server;
    });
    test.afterAll(async () => {
      if (dashboard !== server) await dashboard.stop();
      if (coder !== server) await coder.stop();
    });

    test("a waiting agent is answered from the list, by keyboard, once, and the row says so", async ({ page }) => {
      await signIn(page, dashboard.url, "alice@example.com", "/tasks?waiting=1");
      const first = page.getByRole("table").getByRole("row").nth(1);
      await expect(first).toContainText(/waiting \d+/);
      const title = (await first.getByRole("link").first().textContent()) ?? "";
      await page.keyboard.press("j");
      await expect(first.getByRole("link", { name: title })).toBeFocused();
      await page.keyboard.press("r");
      const dialog = page.getByRole("dialog", { name: `Reply to ${title}` });
      await expect(dialog.getByRole("region", { name: "The agent's last message" })).not.toContainText("Loading");
      await dialog.getByRole("textbox", { name: "Message to the agent" }).fill("Answered from the list");
      await page.screenshot({ path: "test-results/reply-from-list.png" });
      await page.keyboard.press("Control+Enter");
      await expect(dialog).toBeHidden();
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
      await expect(row).toContainText(/✓ Replied at/);

      await row.getByRole("link", { name: title }).click();
      const log = page.getByRole("log", { name: "Conversation" });
      await expect(log.getByText("Answered from the list", { exact: true })).toHaveCount(1);
    });

    test("insights draws each chart with the numbers of its table", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 1000 });
      await signIn(page, dashboard.url, "admin@example.com", "/insights?days=30");
      for (const [title, chartName, caption] of [
        ["Where failures come from", /^Failures by source/, "Failed tasks by source"],
        ["How long agents waited for a person", /^Response time by owner/, "People's response time by owner"],
      ] as const) {
        const section = page.getByRole("region", { name: title });
        const chart = section.getByRole("img", { name: chartName });
        await expect(chart.locator("canvas")).toHaveCount(1);
        const table = section.getByRole("table", { name: caption });
        await expect(table.getByRole("row").nth(2)).toBeVisible();
        const rows = (await table.getByRole("row").all()).slice(1);
        expect(rows.length).toBeGreaterThan(1);
        const columns = (await table.getByRole("columnheader").allTextContents()).slice(1);
        await chart.scrollIntoViewIfNeeded();
        const box = await chart.locator(".u-over").boundingBox();
        if (!box) throw new Error("the chart has no plotting area");
        for (const [i, row] of rows.entries()) {
          // The pointer over a bar: the legend gives that bar's values, which must be the table row's.
          await page.mouse.move(box.x + (box.width * (i + 0.5)) / rows.length, box.y + box.height - 4);
          const name = (await row.getByRole("rowheader").textContent()) ?? "";
          const cells = await row.getByRole("cell").allTextContents();
          const legend = chart.locator(".u-legend");
          await expect(legend).toContainText(name);
          for (const [c, column] of columns.entries()) {
            const series = legend.locator(".u-series").filter({ hasText: column.replace(/ \((min|h)\)$/, "") });
            if ((await series.count()) === 0) continue;
            const value = Number(cells[c]);
            await expect(series.locator(".u-value")).toHaveText(
              Number.isInteger(value) || !/min|h/.test(column) ? new RegExp(`^${value}( min)?$`) : `${value} min`,
            );
          }
        }
      }
      await page.getByRole("heading", { level: 1, name: "Insights" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: "test-results/insights.png" });
    });
  });
}
