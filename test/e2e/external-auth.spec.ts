import { expect, test } from "./fixtures.ts";
import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

// Bob has not connected GitHub, which the Codex template needs. The connect page is Coder's own: with the
// simulator it is on the dashboard's origin; behind CODER_URL it is on the deployment's.
const setups: [string, () => Promise<RunningServer[]>][] = [
  ["with the simulator", async () => [await startServer()]],
  [
    "through CODER_URL",
    async () => {
      const coder = await startServer();
      return [await startServer({ CODER_URL: coder.url }), coder];
    },
  ],
];

for (const [label, start] of setups) {
  test.describe(label, () => {
    let servers: RunningServer[] = [];
    test.beforeAll(async () => {
      servers = await start();
    });
    test.afterAll(async () => {
      for (const server of servers) await server.stop();
    });

    test("a template that needs GitHub waits until it is connected on the consent page, then creates", async ({ page }, info) => {
      const [dashboard] = servers;
      if (!dashboard) throw new Error("no server");
      await signIn(page, dashboard.url, "bob@example.com", "/tasks/new");
      await page.getByRole("radio", { name: /Codex/ }).check();
      const prompt = "Open a pull request that fixes the flaky checkout test";
      await page.getByLabel("Prompt").fill(prompt);
      const accounts = page.getByRole("group", { name: "External accounts" });
      await expect(accounts).toContainText("Not connected: required");
      const create = page.getByRole("button", { name: "Create task" });
      await expect(create).toBeDisabled();
      await expect(page.getByText("Connect GitHub to create a task from this template.")).toBeVisible();
      await page.screenshot({ path: info.outputPath("blocked.png") });

      const opened = page.waitForEvent("popup");
      await accounts.getByRole("button", { name: "Connect GitHub" }).click();
      const popup = await opened;
      await expect(popup).toHaveURL(`${servers.at(-1)?.url}/external-auth/github`);
      await popup.getByLabel("Email").fill("bob@example.com");
      await popup.getByLabel("Password").fill("demo-password");
      await popup.getByRole("button", { name: "Sign in and connect GitHub" }).click();
      await expect(popup.getByRole("heading", { name: "You've authenticated with GitHub!" })).toBeVisible();
      await popup.close();

      await expect(accounts).toContainText("✓ Connected");
      await expect(create).toBeEnabled();
      await create.click();
      await expect(page.getByRole("heading", { level: 1, name: prompt })).toBeVisible();
      await page.screenshot({ path: info.outputPath("created.png") });
    });
  });
}
