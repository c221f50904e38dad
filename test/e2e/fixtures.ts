import { expect, test as base } from "@playwright/test";

/**
 * Every browser test fails on a console error or an uncaught page error. The browser logs each failed
 * request as a console error ("Failed to load resource: … status of 404"), so a test that expects the
 * server to refuse something says which statuses it expects with `test.use({ allowedHttpErrors: [404] })`.
 */
export const test = base.extend<{ allowedHttpErrors: number[]; consoleGuard: void }>({
  allowedHttpErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowedHttpErrors }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const status = Number(message.text().match(/status of (\d{3})/)?.[1]);
        if (!allowedHttpErrors.includes(status)) problems.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems, "console errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
