import type { Context } from "hono";
import { APP_STATUS_STATES, type WorkspaceAppStatusState } from "../../../src/wire/types.ts";
import { tokenFromRequest } from "../auth.ts";
import { isUuid, parseJson, readBody, readBodyText } from "../body.ts";
import type { Sim } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import type { Workspace } from "../model.ts";

const SNAPSHOT_LIMIT = 64 * 1024;

/** What a workspace agent calls, authenticated with the agent's own token (semantics §12). */
export function agentHandlers(sim: Sim) {
  const { store, engine } = sim;

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

  const reportAppStatus = async (c: Context) => {
    const ws = agentWorkspace(c);
    const body = await readBody(c, "PatchAppStatus", {
      app_slug: "string",
      state: "string",
      message: "string",
      uri: "string",
      icon: "string",
      needs_user_attention: "boolean",
    });
    const state = body.state ?? "";
    if (!(APP_STATUS_STATES as readonly string[]).includes(state)) {
      throw new CoderError(400, "Invalid state provided.", undefined, [
        { field: "state", detail: "State must be one of: complete, failure, working, idle." },
      ]);
    }
    const message = body.message ?? "";
    if ([...message].length > 160) {
      throw new CoderError(400, "Message is too long.", undefined, [
        { field: "message", detail: "Message must be less than 160 characters." },
      ]);
    }
    const slug = body.app_slug ?? "";
    if (ws.app === null || ws.app.slug !== slug) {
      throw new CoderError(400, "Failed to get workspace app.", `No app found with slug "${slug}"`);
    }
    // The message is cleaned of control characters; the uri is stored as given, as Coder does.
    const clean = [...message].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join("");
    engine.reportAppStatus(ws, state as WorkspaceAppStatusState, clean, body.uri ?? "");
    return c.body(null, 200);
  };

  const uploadSnapshot = async (c: Context) => {
    const ws = agentWorkspace(c);
    const taskId = c.req.param("task") ?? "";
    if (!isUuid(taskId)) throw new CoderError(400, "Invalid task ID format.");
    const format = c.req.query("format");
    if (format === undefined)
      throw new CoderError(400, "Invalid query parameters.", 'Query param "format" is required and cannot be empty.');
    if (format !== "agentapi") throw new CoderError(400, "Invalid format parameter.", `Unsupported format "${format}".`);
    const task = store.tasks.get(taskId);
    if (!task || task.deletedAt !== null || task.workspaceId !== ws.id) throw notFound();
    const text = await readBodyText(c);
    if (new TextEncoder().encode(text).length > SNAPSHOT_LIMIT) {
      throw new CoderError(400, "Failed to decode request payload.", "http: request body too large");
    }
    const payload = parseJson(text, "Failed to decode request payload.");
    if (typeof payload !== "object" || payload === null || !Array.isArray((payload as { messages?: unknown }).messages)) {
      throw new CoderError(400, "Invalid agentapi payload structure.");
    }
    engine.storeSnapshot(task, text);
    return c.body(null, 204);
  };

  return { reportAppStatus, uploadSnapshot };
}
