import { expect, type Page } from "@playwright/test";

/** Signs in on the sign-in page, which then opens `path`. */
export async function signIn(page: Page, base: string, email: string, path = "/tasks") {
  await page.goto(`${base}/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}
