import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";
import { expect, test } from "./fixtures.ts";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ SIM_SPEED: "10" });
});
test.afterAll(async () => server.stop());

const LONG = "a".repeat(50) + "/" + "b".repeat(300);

/** A task of alice's whose every text is one long unbroken string: name, prompt, agent report and messages. */
async function longTask(): Promise<{ id: string; report: () => Promise<void> }> {
  const token = await apiToken(server.url, "alice@example.com");
  const admin = await apiToken(server.url, "admin@example.com");
  const headers = { "Coder-Session-Token": token, "Content-Type": "application/json" };
  const templates = (await (await fetch(`${server.url}/api/v2/templates`, { headers })).json()) as {
    name: string;
    active_version_id: string;
  }[];
  const version = templates.find((t) => t.name === "claude-code")?.active_version_id;
  const created = await fetch(`${server.url}/api/v2/tasks/me`, {
    method: "POST",
    headers,
    body: JSON.stringify({ template_version_id: version, input: LONG, display_name: "D".repeat(64) }),
  });
  const task = (await created.json()) as { id: string; status: string };
  await expect
    .poll(
      async () => ((await (await fetch(`${server.url}/api/v2/tasks/alice/${task.id}`, { headers })).json()) as { status: string }).status,
      {
        timeout: 20_000,
      },
    )
    .toBe("active");
  const asAdmin = { "Coder-Session-Token": admin, "Content-Type": "application/json" };
  await fetch(`${server.url}/sim/tasks/${task.id}/messages`, {
    method: "POST",
    headers: asAdmin,
    body: JSON.stringify({ role: "agent", content: `https://example.com/${LONG}` }),
  });
  await fetch(`${server.url}/sim/tasks/${task.id}/messages`, {
    method: "POST",
    headers: asAdmin,
    body: JSON.stringify({ role: "user", content: LONG }),
  });
  const report = async () => {
    const agent = (
      (await (await fetch(`${server.url}/sim/tasks/${task.id}/agent-token`, { headers: asAdmin })).json()) as { token: string }
    ).token;
    const reported = await fetch(`${server.url}/api/v2/workspaceagents/me/app-status`, {
      method: "PATCH",
      headers: { "Coder-Session-Token": agent, "Content-Type": "application/json" },
      body: JSON.stringify({ app_slug: "agentapi", state: "idle", message: "m".repeat(150), uri: `https://example.com/${LONG}` }),
    });
    expect(reported.status, await reported.text()).toBe(200);
  };
  return { id: task.id, report };
}

for (const [name, viewport] of [
  ["at 1280 px", { width: 1280, height: 800 }],
  ["at phone width", { width: 390, height: 844 }],
] as const) {
  test(`long unbroken text never makes a page scroll sideways ${name}`, async ({ page }) => {
    const { id, report } = await longTask();
    await page.setViewportSize(viewport);
    await signIn(page, server.url, "alice@example.com");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(page.getByRole("table")).toBeVisible();
    expect(await overflow(), "task list").toBeLessThanOrEqual(0);

    await page.goto(`${server.url}/tasks/alice/${id}`);
    // Reported until it is the latest report: the simulated agent may still be finishing its own.
    await expect(async () => {
      await report();
      await expect(page.getByRole("region", { name: "Current state" })).toContainText("m".repeat(150), { timeout: 4_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("log", { name: "Conversation" }).getByText(LONG, { exact: true }).last()).toBeVisible();
    expect(await overflow(), "task page").toBeLessThanOrEqual(0);
    // The whole value stays reachable: the heading carries it all.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("D".repeat(64));

    await page.goto(`${server.url}/tasks/new`);
    await page.getByLabel("Prompt").fill(LONG);
    await page.getByLabel("Name (optional)", { exact: true }).fill("x".repeat(80));
    await expect(page.getByText(/At most 32 characters/)).toBeVisible();
    expect(await overflow(), "new task").toBeLessThanOrEqual(0);

    await page.goto(`${server.url}/wall?owner=alice`);
    await expect(page.getByRole("heading", { name: /Needs you/ })).toBeVisible();
    expect(await overflow(), "wall").toBeLessThanOrEqual(0);
  });
}
