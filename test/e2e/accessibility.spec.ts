import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { createRequire } from "node:module";
import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// The app's CSP forbids injected scripts, as it should; axe is injected here only to inspect the page.
test.use({ bypassCSP: true });

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server.stop());

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Runs axe-core in the page and returns its violations, each with where it was found. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return found.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).join(" | ")}`,
  );
}

test("every page has no axe-core violations", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await expect(page.getByRole("heading", { name: "Sign in to Coder Tasks" })).toBeVisible();
  expect(await violations(page), "sign-in").toEqual([]);

  await signIn(page, server.url, "admin@example.com");
  await expect(page.getByRole("table")).toBeVisible();
  expect(await violations(page), "task list").toEqual([]);

  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Current state" })).toBeVisible();
  await expect(page.getByRole("log", { name: "Conversation" }).or(page.getByRole("note")).first()).toBeVisible();
  expect(await violations(page), "task page").toEqual([]);

  await page.goto(`${server.url}/tasks/new`);
  await expect(page.getByLabel("Prompt")).toBeVisible();
  expect(await violations(page), "new task").toEqual([]);

  await page.goto(`${server.url}/wall`);
  await expect(page.getByRole("heading", { name: /Needs you/ })).toBeVisible();
  expect(await violations(page), "wall").toEqual([]);

  await insightsAndReply(page, "");
});

/** Insights with its charts drawn, then a reply opened from the list. */
async function insightsAndReply(page: Page, theme: string) {
  await page.goto(`${server.url}/insights`);
  await expect(page.getByRole("img", { name: /^Hours per day/ }).locator("canvas")).toHaveCount(1);
  expect(await violations(page), `insights${theme}`).toEqual([]);
  await page.goto(`${server.url}/tasks?waiting=1`);
  await page
    .getByRole("button", { name: /^Reply to / })
    .first()
    .click();
  await expect(page.getByRole("dialog", { name: /^Reply to / })).toBeVisible();
  expect(await violations(page), `reply from the list${theme}`).toEqual([]);
}

test.describe("in the dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("the list, a task page, insights and a reply have no axe-core violations", async ({ page }) => {
    await signIn(page, server.url, "alice@example.com");
    await expect(page.getByRole("table")).toBeVisible();
    expect(await violations(page), "task list, dark").toEqual([]);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Current state" })).toBeVisible();
    expect(await violations(page), "task page, dark").toEqual([]);

    await insightsAndReply(page, ", dark");
  });
});

test("dialogs keep the focus inside, leave the page behind them inert, close on Escape and give the focus back", async ({ page }) => {
  await signIn(page, server.url, "alice@example.com");
  await expect(page.getByRole("table")).toBeVisible();
  for (const [opener, title] of [
    [page.getByRole("button", { name: "Keyboard shortcuts", exact: true }), "Keyboard shortcuts"],
    [page.getByRole("button", { name: "Notifications", exact: true }), "Notifications"],
  ] as const) {
    await opener.click();
    const dialog = page.getByRole("dialog", { name: title });
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null), `${title}: Tab ${i + 1}`).toBe(true);
    }
    // The page behind a modal dialog is inert: its buttons cannot take the focus.
    const canFocusSignOut = () =>
      page.evaluate(() => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Sign out");
        button?.focus();
        const focused = document.activeElement === button;
        return focused;
      });
    expect(await canFocusSignOut()).toBe(false);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  }
});
