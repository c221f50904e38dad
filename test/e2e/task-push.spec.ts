import { expect, test } from "./fixtures.ts";
import { apiToken, startServer, type RunningServer } from "./servers.ts";
import { signIn } from "./session.ts";

interface ApiTask {
  id: string;
  name: string;
  display_name: string;
  status: string;
  workspace_id: string | null;
  current_state: { state: string } | null;
}

/** Alice's tasks as the "Coder" side sees them (the simulator itself, also behind the proxy). */
async function aliceTasks(coderUrl: string): Promise<{ token: string; tasks: ApiTask[] }> {
  const token = await apiToken(coderUrl, "admin@example.com");
  const reply = await fetch(`${coderUrl}/api/v2/tasks?q=owner:alice`, { headers: { "Coder-Session-Token": token } });
  return { token, tasks: ((await reply.json()) as { tasks: ApiTask[] }).tasks };
}

for (const mode of ["simulator", "proxy"] as const) {
  test.describe(`the task page with push and logs (${mode})`, () => {
    let coder: RunningServer;
    let dashboard: RunningServer;
    test.beforeAll(async () => {
      coder = await startServer();
      dashboard = mode === "proxy" ? await startServer({ CODER_URL: coder.url }) : coder;
    });
    test.afterAll(async () => {
      if (dashboard !== coder) await dashboard.stop();
      await coder.stop();
    });

    test("a new task's build log streams and hands over to the startup log, then the conversation; no token in any URL", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const urls: string[] = [];
      page.on("request", (request) => urls.push(request.url()));
      page.on("websocket", (socket) => urls.push(socket.url()));
      await signIn(page, dashboard.url, "alice@example.com");
      await page.goto(`${dashboard.url}/tasks/new`);
      await page.getByLabel("Prompt").fill("Watch the workspace come up");
      await page.getByRole("button", { name: "Create task" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Watch the workspace come up" })).toBeVisible();

      const buildLog = page.getByRole("log", { name: "Build log" });
      await expect(buildLog).toContainText("Planning infrastructure", { timeout: 10_000 });
      await expect(page.getByRole("heading", { name: "Running startup scripts" })).toBeVisible({ timeout: 10_000 });
      await expect(page.getByRole("log", { name: "Startup log" })).toContainText("Cloning into", { timeout: 10_000 });
      await expect(page.getByRole("log", { name: "Conversation" })).toContainText("Watch the workspace come up", { timeout: 15_000 });
      await expect(page.getByRole("log", { name: "Startup log" })).toBeHidden();

      const token = await page.evaluate(() => sessionStorage.getItem("coder-tasks.session-token"));
      expect(token).toBeTruthy();
      expect(urls.some((url) => url.includes("/watch-ws"))).toBe(true);
      expect(urls.some((url) => url.includes("/logs?follow"))).toBe(true);
      expect(urls.filter((url) => url.includes(token ?? "<none>"))).toEqual([]);
    });

    test("a failed build says why and opens its log at the error", async ({ page }) => {
      const { token, tasks } = await aliceTasks(coder.url);
      let failed: ApiTask | undefined;
      for (const task of tasks.filter((t) => t.status === "error" && t.workspace_id)) {
        const ws = await (
          await fetch(`${coder.url}/api/v2/workspaces/${task.workspace_id}`, { headers: { "Coder-Session-Token": token } })
        ).json();
        if ((ws as { latest_build: { job: { status: string } } }).latest_build.job.status === "failed") failed = task;
      }
      if (!failed) throw new Error("the seed has a failed build of alice's");
      await signIn(page, dashboard.url, "alice@example.com", `/tasks/alice/${failed.id}`);
      await expect(page.getByRole("heading", { name: "The workspace build failed" })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "Coder says:" })).toContainText("terraform apply");
      await expect(page.getByRole("log", { name: "Build log" })).toContainText("exit status 1");
    });

    test("an agent's report reaches the open page by push, before any poll could, and the timeline survives a reload", async ({ page }) => {
      const { token, tasks } = await aliceTasks(coder.url);
      const idle = tasks.find((t) => t.status === "active" && t.current_state?.state === "idle");
      if (!idle) throw new Error("the seed has an idle task of alice's");
      await signIn(page, dashboard.url, "alice@example.com", `/tasks/alice/${idle.id}`);
      await expect(page.getByText("Live: changes appear as Coder reports them.")).toBeVisible();
      // Behind the proxy, the workspace links into Coder's own UI; the built-in simulator serves no such pages.
      const intoCoder = page.getByRole("link", { name: /opens in Coder/ });
      if (mode === "proxy") await expect(intoCoder).toHaveAttribute("href", `${coder.url}/@alice/${idle.name}`);
      else await expect(intoCoder).toHaveCount(0);
      const history = page.getByRole("list", { name: "Task history" });
      await expect(history.getByRole("listitem").first()).toBeVisible();
      const before = await history.getByRole("listitem").allTextContents();

      const agentToken = (
        (await (await fetch(`${coder.url}/sim/tasks/${idle.id}/agent-token`, { headers: { "Coder-Session-Token": token } })).json()) as {
          token: string;
        }
      ).token;
      const reported = await fetch(`${coder.url}/api/v2/workspaceagents/me/app-status`, {
        method: "PATCH",
        headers: { "Coder-Session-Token": agentToken, "Content-Type": "application/json" },
        body: JSON.stringify({ app_slug: "agentapi", state: "working", message: "Pushed, not polled" }),
      });
      expect(reported.status).toBe(200);
      // Polling would take up to 3 s; the push is there well before.
      await expect(page.getByRole("region", { name: "Current state" })).toContainText("Pushed, not polled", { timeout: 2_000 });
      await expect(history.getByRole("listitem").first()).toContainText("Working: Pushed, not polled");

      const after = await history.getByRole("listitem").allTextContents();
      await page.reload();
      await expect(history.getByRole("listitem").first()).toContainText("Working: Pushed, not polled");
      const reloaded = await history.getByRole("listitem").allTextContents();
      const stable = (items: string[]) => items.slice(1);
      expect(stable(reloaded)).toEqual(stable(after));
      expect(after.length).toBe(before.length + 1);
    });
  });
}
