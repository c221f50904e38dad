import { isUuid, readBody } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { TASK_STATUSES, type TaskLogEntry, type TaskStatus } from "../../../src/wire/types.ts";
import { deriveStatus, isBuildActive, latestBuild, workspaceStatus } from "../derive.ts";
import { buildActive, CoderError, notFound } from "../errors.ts";
import type { Task, Workspace } from "../model.ts";
import { generateNames, nameInvalidReason } from "../names.ts";
import { canConnect, canCreateFor, canRead, canReadUser, canSeeOrganization, canUseTemplate } from "../rbac.ts";
import { parseQuery } from "../search.ts";
import { userParam } from "./params.ts";
import { JSON_TYPE, taskJson, taskJsonBytes, taskListBytes, taskLogsJson, unchangingBody, workspaceBuildJson } from "../wire.ts";

/** The task endpoints (coderd/aitasks.go); routes.ts mounts them under /api/v2 and /api/experimental. */
export function taskHandlers(sim: Sim) {
  const { store, engine } = sim;

  /** ExtractTaskParam: a UUID is looked up by id alone (ignoring {user}); otherwise by name under {user}. */
  function taskParam(c: SimContext): Task {
    const owner = userParam(store, c);
    const value = c.req.param("task") ?? "";
    if (value === "") throw new CoderError(400, '"task" must be provided.');
    let task = isUuid(value) ? store.tasks.get(value) : undefined;
    if (task?.deletedAt !== null) task = undefined;
    task ??= store.liveTaskByOwnerAndName(owner.id, value);
    if (!task || !canRead(c.get("user"), task)) throw notFound();
    return task;
  }

  const statusOf = (task: Task) => deriveStatus(store.workspaceOf(task));
  const listCache = new Map<string, { revision: number; bytes: Uint8Array<ArrayBuffer> }>();

  const list = (c: SimContext) => {
    const me = c.get("user");
    const params = parseQuery(c.req.query("q") ?? "", "owner", ["owner", "organization", "status"], "Invalid task search query.");
    let ownerId: string | undefined;
    const owner = params.get("owner");
    if (owner !== undefined) {
      const user = owner === "me" ? me : isUuid(owner) ? store.users.get(owner) : store.userByUsername(owner);
      if (!user || !canReadUser(me, user)) {
        throw new CoderError(400, "Invalid task search query.", undefined, [
          {
            field: "owner",
            detail: `Query param "owner" has invalid value: user "${owner}" either does not exist, or you are unauthorized to view them`,
          },
        ]);
      }
      ownerId = user.id;
    }
    let orgId: string | undefined;
    const orgValue = params.get("organization");
    if (orgValue !== undefined) {
      const org = isUuid(orgValue) ? store.organizations.get(orgValue) : store.organizationByName(orgValue);
      if (!org || !canSeeOrganization(me, org.id)) {
        throw new CoderError(400, "Invalid task search query.", undefined, [
          {
            field: "organization",
            detail: `Query param "organization" has invalid value: organization "${orgValue}" either does not exist, or you are unauthorized to view it`,
          },
        ]);
      }
      orgId = org.id;
    }
    const status = params.get("status");
    // The status goes into SQL as an enum cast without validation, so Postgres rejects a bad one.
    if (status !== undefined && !(TASK_STATUSES as readonly string[]).includes(status)) {
      throw new CoderError(500, "Internal error fetching tasks.", `pq: invalid input value for enum task_status: "${status}"`);
    }
    // A list that nothing has changed since is the same bytes: a wall of screens polling 10,000 tasks
    // costs one encoding per change, not one per poll.
    const key = `${me.id} ${ownerId ?? ""} ${orgId ?? ""} ${status ?? ""}`;
    const cached = listCache.get(key);
    if (cached?.revision === store.revision) return c.body(unchangingBody(cached.bytes), 200, JSON_TYPE);
    const tasks: Uint8Array[] = [];
    // Coder orders by created_at DESC. Tasks are stored as they are created (the seed too, oldest first), so
    // the newest-first order is the reverse of the store's, without sorting 10,000 tasks on every request.
    const all = [...store.tasks.values()].reverse();
    for (const task of all) {
      if (task.deletedAt !== null || !canRead(me, task)) continue;
      if (ownerId !== undefined && task.ownerId !== ownerId) continue;
      if (orgId !== undefined && task.orgId !== orgId) continue;
      if (status !== undefined && statusOf(task) !== status) continue;
      tasks.push(taskJsonBytes(store, task));
    }
    const bytes = taskListBytes(tasks);
    if (listCache.size >= 64) listCache.clear();
    listCache.set(key, { revision: store.revision, bytes });
    return c.body(unchangingBody(bytes), 200, JSON_TYPE);
  };

  const create = async (c: SimContext) => {
    const me = c.get("user");
    const owner = userParam(store, c);
    const body = await readBody(c, "CreateTaskRequest", {
      template_version_id: "uuid",
      template_version_preset_id: "uuid",
      input: "string",
      name: "string",
      display_name: "string",
    });
    const version = store.versions.get(body.template_version_id ?? "");
    const template = version ? store.templates.get(version.templateId) : undefined;
    if (!version || !template || !canUseTemplate(me, template)) {
      throw new CoderError(400, "Template version not found or you do not have access to this resource");
    }
    if (version.hasAiTask !== true) throw new CoderError(400, 'Template does not have a valid "coder_ai_task" resource.');
    const input = body.input ?? "";
    let name = body.name ?? "";
    if (name !== "") {
      const reason = nameInvalidReason(name);
      if (reason) throw new CoderError(400, "Unable to create a Task with the provided name.", reason);
    }
    let displayName = (body.display_name ?? "").trim();
    if (new TextEncoder().encode(displayName).length > 64) {
      throw new CoderError(400, "Display name must be 64 characters or less.");
    }
    if (name === "" || displayName === "") {
      const generated = generateNames(input, sim.random);
      if (name === "") name = generated.name;
      if (displayName === "") displayName = generated.displayName;
    }
    if (!canCreateFor(me, owner, version.orgId)) {
      throw new CoderError(
        403,
        "Unauthorized to create workspace.",
        "You are unable to create a workspace in this organization. It is possible to have access to the template, but not be able to create a workspace. Please contact an administrator about your permissions if you feel this is an error.",
      );
    }
    // Coder v2.33 on refuses an owner who has not linked what the template needs: their agent could not clone.
    const missing = version.externalAuth.filter((auth) => !auth.optional && !owner.externalAuthLinks.has(auth.providerId));
    if (sim.features.externalAuthRequired && missing.length > 0) {
      throw new CoderError(
        403,
        "External authentication is required to create a workspace with this template.",
        `The workspace owner must authenticate with the following external auth providers: ${missing.map((m) => m.providerId).join(", ")}.`,
        missing.map((m) => ({ field: "external_auth", detail: m.providerId })),
      );
    }
    if (template.deprecated) {
      throw new CoderError(400, `Template "${template.name}" has been deprecated, and cannot be used to create a new workspace.`);
    }
    if (version.archived) throw new CoderError(500, "Archived template versions cannot be used to make a workspace.");
    const presetId = body.template_version_preset_id ?? null;
    if (presetId !== null && !version.presets.some((p) => p.ID === presetId)) {
      throw new CoderError(
        400,
        "Invalid template version preset.",
        `Preset "${presetId}" does not belong to template version "${version.id}".`,
      );
    }
    if (store.liveWorkspaceByOwnerAndName(owner.id, name) || store.liveTaskByOwnerAndName(owner.id, name)) {
      throw new CoderError(409, `Workspace "${name}" already exists.`, undefined, [
        { field: "name", detail: "This value is already in use and should be unique." },
      ]);
    }
    const { task } = engine.createTask(
      { orgId: version.orgId, ownerId: owner.id, name, displayName, prompt: input, templateVersionId: version.id, presetId },
      me.id,
    );
    return c.json(taskJson(store, task), 201);
  };

  const get = (c: SimContext) => c.json(taskJson(store, taskParam(c)));

  const remove = (c: SimContext) => {
    const task = taskParam(c);
    const ws = store.workspaceOf(task);
    if (!ws) throw notFound();
    if (isBuildActive(ws)) throw buildActive();
    engine.deleteBuild(task, ws, c.get("user").id);
    engine.forget(task);
    return c.body(null, 202);
  };

  const updateInput = async (c: SimContext) => {
    const task = taskParam(c);
    const body = await readBody(c, "UpdateTaskInputRequest", { input: "string" });
    const input = body.input ?? "";
    if (input.trim() === "") throw new CoderError(400, "Task input is required.");
    if (statusOf(task) !== "paused") {
      throw new CoderError(
        409,
        "Unable to update task input, task must be paused.",
        "Please stop the task's workspace before updating the input.",
      );
    }
    engine.updatePrompt(task, input);
    return c.body(null, 204);
  };

  /** The status checks shared by send and live logs (authAndDoWithTaskAppClient). */
  function requireActive(status: TaskStatus): void {
    if (status === "pending" || status === "initializing") {
      throw new CoderError(409, `Task is ${status}.`, "The task is resuming. Wait for the task to become active before sending messages.");
    }
    if (status === "paused") throw new CoderError(409, "Task is paused.", "Resume the task to send messages.");
    if (status !== "active") {
      throw new CoderError(400, "Task must be active.", `Task status is "${status}", it must be "active" to interact with the task.`);
    }
  }

  /**
   * Step 4 of Coder's authAndDoWithTaskAppClient (deployment reference §8): dial the agent over the
   * tailnet, giving up after 30 s. An agent that comes back within them is reached.
   */
  async function dial(ws: Workspace): Promise<void> {
    if (ws.agent?.reachable !== false) return;
    await engine.scheduler.sleep(30_000);
    if (ws.agent?.reachable === false) {
      throw new CoderError(502, "Failed to reach task app endpoint.", "dial workspace agent: context deadline exceeded");
    }
  }

  const send = async (c: SimContext) => {
    const task = taskParam(c);
    const body = await readBody(c, "TaskSendRequest", { input: "string" });
    const input = body.input ?? "";
    if (input === "") throw new CoderError(400, "Task input is required.");
    requireActive(statusOf(task));
    const ws = store.workspaceOf(task);
    if (!ws) throw new CoderError(400, "Task does not have a workspace.");
    if (!canConnect(c.get("user"), task)) throw notFound();
    await dial(ws);
    if (task.conversation.busy)
      throw new CoderError(sim.features.busySendStatus, "Task app is not ready to accept input.", "Status: running");
    engine.send(task, ws, input);
    return c.body(null, 204);
  };

  const logs = async (c: SimContext) => {
    const task = taskParam(c);
    const status = statusOf(task);
    const ws = store.workspaceOf(task);
    if (status === "active" && ws) {
      if (!canConnect(c.get("user"), task)) throw notFound();
      await dial(ws);
      return c.json(taskLogsJson(task.conversation.messages.map(logEntry)));
    }
    if (status === "paused" || status === "pending" || status === "initializing") {
      if (!task.snapshot) return c.json(taskLogsJson([], null));
      return c.json(taskLogsJson(snapshotEntries(task.snapshot.data), task.snapshot.createdAt));
    }
    throw new CoderError(409, "Cannot fetch logs for task in current state.", `Task status is "${status}".`);
  };

  const pause = (c: SimContext) => {
    const task = taskParam(c);
    const ws = store.workspaceOf(task);
    if (!ws) throw new CoderError(500, "Task does not have a workspace.");
    if (isBuildActive(ws)) throw buildActive();
    const build = engine.stopBuild(task, ws, c.get("user").id, "task_manual_pause");
    return c.json({ workspace_build: workspaceBuildJson(store, ws, build) }, 202);
  };

  const resume = (c: SimContext) => {
    const task = taskParam(c);
    const ws = store.workspaceOf(task);
    if (!ws) throw new CoderError(500, "Task does not have a workspace.");
    const latest = latestBuild(ws);
    const current = latest ? workspaceStatus(latest) : "pending";
    if (current === "running") {
      throw new CoderError(409, "Task workspace is already running.", `Workspace status is "${current}".`);
    }
    if (isBuildActive(ws)) throw buildActive();
    const build = engine.startBuild(task, ws, c.get("user").id, "task_resume");
    return c.json({ workspace_build: workspaceBuildJson(store, ws, build) }, 202);
  };

  return { list, create, get, remove, updateInput, send, logs, pause, resume };
}

function logEntry(m: { id: number; role: string; content: string; time: number }): TaskLogEntry {
  return { id: m.id, content: m.content, type: m.role === "user" ? "input" : "output", time: new Date(m.time).toISOString() };
}

/** Decodes a stored AgentAPI snapshot; anything malformed is the 500 Coder gives for a broken snapshot. */
function snapshotEntries(data: string): TaskLogEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new CoderError(500, "Internal error decoding snapshot data.");
  }
  const messages = (parsed as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) throw new CoderError(500, "Invalid snapshot data.");
  return messages.map((m: { id?: unknown; role?: unknown; content?: unknown; time?: unknown }) => {
    if (typeof m.id !== "number" || typeof m.content !== "string" || (m.role !== "user" && m.role !== "agent")) {
      throw new CoderError(500, "Invalid snapshot data.");
    }
    return { id: m.id, content: m.content, type: m.role === "user" ? "input" : "output", time: String(m.time ?? "") };
  });
}
