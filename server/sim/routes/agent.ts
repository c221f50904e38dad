import { Hono, type Context } from "hono";
import { tokenFromRequest } from "../auth.ts";
import { isUuid } from "../body.ts";
import { bodyText, type Sim } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import type { AppStatusState, Workspace } from "../model.ts";

const APP_STATES: readonly AppStatusState[] = ["working", "idle", "complete", "failure"];
const SNAPSHOT_LIMIT = 64 * 1024;

/** What a workspace agent calls, authenticated with the agent's own token (semantics §12). */
export function agentRoutes(sim: Sim): Hono {
  const { store, engine } = sim;
  const app = new Hono();

  function agentWorkspace(c: Context): Workspace {
    const token = tokenFromRequest(c);
    const wsId = token ? store.agentTokens.get(token) : undefined;
    const ws = wsId ? store.workspaces.get(wsId) : undefined;
    if (!ws || ws.agent?.token !== token) {
      throw new CoderError(
        401,
        "Workspace agent not authorized.",
        "The agent cannot authenticate until the workspace provision job has been completed. If the job is no longer running, this agent is invalid.",
      );
    }
    return ws;
  }

  app.patch("/me/app-status", async (c) => {
    const ws = agentWorkspace(c);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await bodyText(c));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch (error) {
      throw new CoderError(400, "Request body must be valid JSON.", error instanceof Error ? error.message : undefined);
    }
    const state = body.state;
    if (typeof state !== "string" || !APP_STATES.includes(state as AppStatusState)) {
      throw new CoderError(400, "Invalid state provided.", undefined, [
        { field: "state", detail: "State must be one of: complete, failure, working, idle." },
      ]);
    }
    const message = typeof body.message === "string" ? body.message : "";
    if ([...message].length > 160) {
      throw new CoderError(400, "Message is too long.", undefined, [
        { field: "message", detail: "Message must be less than 160 characters." },
      ]);
    }
    const slug = typeof body.app_slug === "string" ? body.app_slug : "";
    if (ws.app === null || ws.app.slug !== slug) {
      throw new CoderError(400, "Failed to get workspace app.", `No app found with slug "${slug}"`);
    }
    // The message is cleaned of control characters; the uri is stored as given, as Coder does.
    const clean = [...message].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join("");
    engine.reportAppStatus(ws, state as AppStatusState, clean, typeof body.uri === "string" ? body.uri : "");
    return c.body(null, 200);
  });

  app.post("/me/tasks/:task/log-snapshot", async (c) => {
    const ws = agentWorkspace(c);
    const taskId = c.req.param("task");
    if (!isUuid(taskId)) throw new CoderError(400, "Invalid task ID format.");
    const format = c.req.query("format");
    if (format === undefined)
      throw new CoderError(400, "Invalid query parameters.", 'Query param "format" is required and cannot be empty.');
    if (format !== "agentapi") throw new CoderError(400, "Invalid format parameter.", `Unsupported format "${format}".`);
    const task = store.tasks.get(taskId);
    if (!task || task.deletedAt !== null || task.workspaceId !== ws.id) throw notFound();
    const text = await bodyText(c);
    if (new TextEncoder().encode(text).length > SNAPSHOT_LIMIT) {
      throw new CoderError(400, "Failed to decode request payload.", "http: request body too large");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      throw new CoderError(400, "Failed to decode request payload.", error instanceof Error ? error.message : undefined);
    }
    if (typeof payload !== "object" || payload === null || !Array.isArray((payload as { messages?: unknown }).messages)) {
      throw new CoderError(400, "Invalid agentapi payload structure.");
    }
    engine.storeSnapshot(task, text);
    return c.body(null, 204);
  });

  return app;
}
