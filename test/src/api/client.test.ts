import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/client.ts";
import { endSession, startSession } from "../../../src/api/session.ts";
import { isRouteNotFound } from "../../../src/lib/errors.ts";
import { listTasks, normalizeTask, pauseTask, resetTasksApiGeneration, tasksApi } from "../../../src/api/tasks.ts";
import { listPresets, listAiTemplates } from "../../../src/api/templates.ts";
import type { Task } from "../../../src/wire/types.ts";
import { server } from "../../support/setup-ui.ts";
import { newSimulator } from "../../support/render.tsx";

beforeEach(() => resetTasksApiGeneration());

const setSessionToken = (token: string | null) => (token === null ? endSession("signed-out") : startSession(token, false));

describe("the API module", () => {
  it("sends the session header and returns typed data", async () => {
    const sim = newSimulator();
    setSessionToken(sim.tokenFor("alice"));
    const { tasks, count } = await listTasks("");
    expect(count).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => t.owner_name))).toEqual(new Set(["alice"]));
  });

  it("throws ApiError with the server's status, message, detail and validations", async () => {
    const sim = newSimulator();
    setSessionToken(sim.tokenFor("alice"));
    const error = await listTasks("owner:").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      message: "Invalid task search query.",
      validations: [{ field: "q", detail: `Query element "owner:" cannot start or end with ':'` }],
    });
    setSessionToken(null);
    expect(await listTasks("").catch((e: unknown) => e)).toMatchObject({
      status: 401,
      detail: 'Cookie "coder_session_token" or query parameter must be provided.',
    });
  });

  it("falls back to /api/experimental/tasks on a Coder before 2.29", async () => {
    const sim = newSimulator({ version: "v2.28.0" });
    setSessionToken(sim.tokenFor("alice"));
    const { tasks } = await listTasks("");
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasksApi()).toBe("experimental");
    const error = await pauseTask("alice", tasks[0]?.id ?? "").catch((e: unknown) => e);
    expect(isRouteNotFound(error)).toBe(true);
  });

  it("accepts the older {uuid, valid} form of nullable UUIDs", () => {
    const raw = {
      workspace_id: { uuid: "8f0f0f0f-0000-4000-8000-000000000001", valid: true },
      workspace_agent_id: { uuid: "00000000-0000-0000-0000-000000000000", valid: false },
      workspace_app_id: null,
      current_state: undefined,
    } as unknown as Task;
    expect(normalizeTask(raw)).toMatchObject({
      workspace_id: "8f0f0f0f-0000-4000-8000-000000000001",
      workspace_agent_id: null,
      workspace_app_id: null,
      current_state: null,
    });
  });

  it("reads a status or state a newer Coder adds as unknown, and an older Coder's failure as failed", () => {
    const base = { workspace_id: null, workspace_agent_id: null, workspace_app_id: null } as unknown as Task;
    const newer = normalizeTask({ ...base, status: "hibernating", current_state: null } as unknown as Task);
    expect(newer.status).toBe("unknown");
    const state = { timestamp: "2026-11-22T12:00:00Z", message: "Boom", uri: "" };
    const older = normalizeTask({ ...base, status: "active", current_state: { ...state, state: "failure" } } as unknown as Task);
    expect(older.current_state).toEqual({ ...state, state: "failed" });
  });

  it("keeps how long a rate limit asks to wait", async () => {
    newSimulator();
    const body = { message: "You've been rate limited for sending more than 512 requests in 1m0s." };
    server.use(
      http.get(/\/api\/v2\/tasks$/, () => HttpResponse.json(body, { status: 429, headers: { "Retry-After": "7" } }), { once: true }),
    );
    expect(await listTasks("").catch((e: unknown) => e)).toMatchObject({ status: 429, message: body.message, retryAfterMs: 7000 });
    const reset = Math.floor(Date.now() / 1000) + 20;
    server.use(
      http.get(/\/api\/v2\/tasks$/, () => HttpResponse.json(body, { status: 429, headers: { "X-Ratelimit-Reset": String(reset) } }), {
        once: true,
      }),
    );
    const error = (await listTasks("").catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterMs).toBeGreaterThan(15_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("turns Coder's null presets into an empty list", async () => {
    const sim = newSimulator();
    setSessionToken(sim.tokenFor("alice"));
    const codex = (await listAiTemplates()).find((t) => t.name === "codex");
    expect(await listPresets(codex?.active_version_id ?? "")).toEqual([]);
  });

  it("reports a response that is not Coder's JSON in words", async () => {
    newSimulator();
    server.use(
      http.get(/\/api\/v2\/tasks$/, () => new HttpResponse("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" }), {
        once: true,
      }),
    );
    const error = await listTasks("").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, message: "The server answered 502 Bad Gateway", detail: "<html>Bad Gateway</html>" });
  });

  it("reports an unreachable server", async () => {
    newSimulator();
    server.use(http.get(/\/api\/v2\/tasks$/, () => HttpResponse.error(), { once: true }));
    expect(await listTasks("").catch((e: unknown) => e)).toMatchObject({ status: 0, message: "Could not reach the server." });
  });
});
