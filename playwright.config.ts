import { defineConfig } from "@playwright/test";
import { CHROME_ARGS, CHROME_PATH } from "./test/e2e/browser.ts";

/** The production build in the system Chromium; each spec starts the servers it needs (test/e2e/servers.ts). */
export default defineConfig({
  testDir: "test/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    headless: true,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROME_PATH,
      args: CHROME_ARGS,
    },
  },
});
