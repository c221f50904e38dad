import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, base: string, email: string, path = "/tasks") {
  await page.goto(base + path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** A session token for `email`, straight from the API, for arranging things a test then watches in the page. */
export async function apiToken(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v2/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "demo-password" }),
  });
  return ((await response.json()) as { session_token: string }).session_token;
}
