/**
 * `npm run bench` (after a production build): speed and memory targets, measured outside `npm test`.
 * Prints a table and exits non-zero when a target is missed.
 *
 * - simulator: GET /api/v2/tasks for 10,000 tasks over real HTTP (median of 20).
 * - task list, in Chromium against the production build with SIM_TASKS=10000, signed in as the site owner:
 *   from the list response's last byte to the frame that shows its rows (median of 5 loads); from a keystroke
 *   in search to the next frame (slowest of 12); and how many row elements the DOM holds.
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "playwright-core";
import { createSimulator } from "../../server/sim/simulator.ts";
import { startServer } from "../e2e/servers.ts";

interface Result {
  name: string;
  value: number;
  target: number;
  unit: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function simulatorList(): Promise<Result[]> {
  const sim = createSimulator({ taskCount: 10_000 });
  const token = sim.tokenFor("admin");
  const server = await new Promise<{ url: string; close: () => void }>((resolve) => {
    const s = serve({ fetch: sim.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
    );
  });
  const times: number[] = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v2/tasks`, { headers: { "Coder-Session-Token": token } });
    await response.arrayBuffer();
    if (i >= 3) times.push(performance.now() - started);
  }
  server.close();
  return [{ name: "simulator: list 10,000 tasks (median)", value: median(times), target: 100, unit: "ms" }];
}

/**
 * Installed before the app runs. Notes when the list's body is in the page (its text() resolves: Chromium
 * hands an 11 MB body to the page well after the network's responseEnd) and when the first task rows are on
 * screen, one frame after they appear.
 */
const WATCH_ROWS = `
  const listUrl = /\\/api\\/(v2|experimental)\\/tasks(\\?|$)/;
  const fetch0 = window.fetch;
  window.fetch = async (input, init) => {
    const response = await fetch0(input, init);
    if (listUrl.test(String(input instanceof Request ? input.url : input))) {
      const text0 = response.text.bind(response);
      response.text = async () => {
        const text = await text0();
        window.__listBodyAt ??= performance.now();
        return text;
      };
    }
    return response;
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector("tbody tr[aria-rowindex]")) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__rowsPaintedAt = performance.now(); }));
    }
  }).observe(document, { childList: true, subtree: true });
`;

interface LoadTiming {
  /** From the request to the body being in the page: the server and the network. */
  transfer: number;
  /** From the body being in the page to the rows on screen: the dashboard's own work. */
  render: number;
}

async function loadTiming(page: Page): Promise<LoadTiming> {
  await page.waitForFunction(() => (window as unknown as { __rowsPaintedAt?: number }).__rowsPaintedAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __rowsPaintedAt: number; __listBodyAt: number };
    const list = performance
      .getEntriesByType("resource")
      .find((e) => /\/api\/(v2|experimental)\/tasks(\?|$)/.test(e.name)) as PerformanceResourceTiming | undefined;
    return { transfer: w.__listBodyAt - (list?.startTime ?? NaN), render: w.__rowsPaintedAt - w.__listBodyAt };
  });
}

async function taskListInBrowser(): Promise<Result[]> {
  const server = await startServer({ SIM_TASKS: "10000" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(WATCH_ROWS);
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("table").waitFor({ timeout: 30_000 });

    const loads: LoadTiming[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      loads.push(await loadTiming(page));
    }
    const rows = await page.locator("tbody tr[aria-rowindex]").count();

    const search = page.getByLabel("Search");
    await search.click();
    await page.evaluate(() => {
      const w = window as unknown as { __keyToPaint: number[] };
      w.__keyToPaint = [];
      window.addEventListener(
        "keydown",
        () => {
          const started = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__keyToPaint.push(performance.now() - started)));
        },
        { capture: true },
      );
    });
    await page.keyboard.type("migrate auth", { delay: 120 });
    await page.waitForTimeout(500);
    const keys = await page.evaluate(() => (window as unknown as { __keyToPaint: number[] }).__keyToPaint);

    return [
      { name: "list: request → body in the page, 11 MB (median of 5)", value: median(loads.map((l) => l.transfer)), target: Infinity, unit: "ms" },
      { name: "list: data received → rows painted (median of 5)", value: median(loads.map((l) => l.render)), target: 250, unit: "ms" },
      { name: "list: keystroke in search → next paint (slowest of 12)", value: Math.max(...keys), target: 50, unit: "ms" },
      { name: "list: row elements in the DOM", value: rows, target: 150, unit: "rows" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

const results = [...(await simulatorList()), ...(await taskListInBrowser())];
const header = ["measure", "value", "target", ""];
const rows = results.map((r) => [
  r.name,
  `${r.value.toFixed(1)} ${r.unit}`,
  Number.isFinite(r.target) ? `< ${r.target} ${r.unit}` : "(information)",
  r.value < r.target ? "ok" : "MISSED",
]);
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
const missed = results.filter((r) => !(r.value < r.target));
if (missed.length > 0) {
  console.error(`${missed.length} target(s) missed`);
  process.exit(1);
}
