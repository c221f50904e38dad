import { expect, test } from "./fixtures.ts";
import { startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server.stop());

test("an organization admin gets their organization's pickers and sees its members' tasks; a member gets none", async ({ page }, info) => {
  await signIn(page, server.url, "olivia@example.com");
  const owner = page.getByLabel("Owner");
  await expect(owner).toBeVisible();
  await expect(page.getByLabel("Organization")).toBeVisible();
  await owner.fill("alice");
  await owner.press("Enter");
  await expect(page).toHaveURL(/owner=alice/);
  const ownerCells = page.getByRole("table").getByRole("row").locator("td:nth-child(5)");
  await expect(ownerCells.first()).toContainText("alice");
  for (const text of await ownerCells.allTextContents()) expect(text).toContain("alice");
  await page.screenshot({ path: info.outputPath("org-admin.png") });

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, server.url, "bob@example.com");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByLabel("Owner")).toHaveCount(0);
  await expect(page.getByLabel("Organization")).toHaveCount(0);
});
