import { Hono } from "hono";
import { bodyText, requireUser, type Env, type Sim } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import { isSiteOwner } from "../rbac.ts";

/** /sim: demo and test controls, only in simulator mode and only for the site owner. */
export function controlRoutes(sim: Sim, advanceClock: (ms: number) => void): Hono<Env> {
  const { store, engine } = sim;
  const app = new Hono<Env>();
  app.use("*", requireUser(sim));
  app.use("*", async (c, next) => {
    if (!isSiteOwner(c.get("user"))) throw new CoderError(403, "Only the site owner may use the simulator controls.");
    await next();
  });

  const readJson = async (text: string): Promise<Record<string, unknown>> => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    throw new CoderError(400, "Request body must be valid JSON.");
  };

  const liveTask = (id: string) => {
    const task = store.tasks.get(id);
    if (!task || task.deletedAt !== null) throw notFound();
    return task;
  };

  app.get("/tasks/:id/agent-token", (c) => {
    const ws = store.workspaceOf(liveTask(c.req.param("id")));
    if (!ws?.agent) throw new CoderError(409, "The task has no running agent.");
    return c.json({ token: ws.agent.token });
  });

  /** Appends to the conversation as the agent (`agent`) or the user (`user`), with `count` copies for scale tests. */
  app.post("/tasks/:id/messages", async (c) => {
    const task = liveTask(c.req.param("id"));
    const body = await readJson(await bodyText(c));
    const { role, content } = body;
    const count = body.count === undefined ? 1 : body.count;
    if ((role !== "agent" && role !== "user") || typeof content !== "string") {
      throw new CoderError(400, "Validation failed.", undefined, [
        { field: "role", detail: 'role must be "agent" or "user"' },
        { field: "content", detail: "content must be a string" },
      ]);
    }
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000) {
      throw new CoderError(400, "Validation failed.", undefined, [{ field: "count", detail: "count must be an integer from 1 to 100000" }]);
    }
    for (let i = 0; i < count; i++) engine.appendMessage(task, role, count === 1 ? content : `${content} ${i + 1}`);
    return c.json({ count: task.conversation.messages.length }, 201);
  });

  app.post("/clock/advance", async (c) => {
    const { ms } = await readJson(await bodyText(c));
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
      throw new CoderError(400, "Validation failed.", undefined, [{ field: "ms", detail: "ms must be a non-negative number" }]);
    }
    advanceClock(ms);
    engine.scheduler.runDue();
    return c.json({ now: new Date(engine.now()).toISOString() });
  });

  return app;
}
