import { streamSSE } from "hono/streaming";
import type { ServerSentEvent } from "../../../src/wire/types.ts";
import { agentLogs, buildLogs, buildLogsDone } from "../build-log.ts";
import type { Sim, SimContext } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import type { Agent, Build, Workspace } from "../model.ts";
import { canRead } from "../rbac.ts";
import { HEARTBEAT_MS, type SimSocket } from "../sockets.ts";
import { workspaceJson } from "../wire.ts";
import { uuidParam } from "./params.ts";

/** How often an open follow stream looks for lines the clock has reached. */
const FOLLOW_POLL_MS = 100;

const ONE_WAY = "Clients cannot send messages for one-way WebSockets";
const AGENT_NOT_FOUND = "Agent doesn't exist with that id, or you do not have access to it.";

/** Build logs, agent logs and workspace events (deployment reference §3 and §4). */
export function logHandlers(sim: Sim) {
  const { store, engine, sockets } = sim;

  function buildParam(c: SimContext): { ws: Workspace; build: Build } {
    const id = uuidParam(c, "workspacebuild");
    for (const ws of store.workspaces.values()) {
      const build = ws.builds.find((b) => b.id === id);
      if (build) {
        if (!canRead(c.get("user"), ws)) break;
        return { ws, build };
      }
    }
    throw notFound();
  }

  function agentParam(c: SimContext): { ws: Workspace; agent: Agent } {
    const id = uuidParam(c, "workspaceagent");
    for (const ws of store.workspaces.values()) {
      if (ws.agent?.id === id && canRead(c.get("user"), ws)) return { ws, agent: ws.agent };
    }
    throw new CoderError(404, AGENT_NOT_FOUND);
  }

  /** `format`: json (the default) or text; text cannot follow. */
  function format(c: SimContext, follow: boolean): "json" | "text" {
    const value = c.req.query("format") ?? "json";
    if (value !== "json" && value !== "text")
      throw new CoderError(400, "Invalid format parameter.", 'Allowed values are "json" and "text".');
    if (value === "text" && follow) throw new CoderError(400, "Text format is not supported with follow mode.");
    return value;
  }

  function afterParam(c: SimContext, nonNegative: boolean): number {
    const raw = c.req.query("after") ?? "";
    if (raw === "") return 0;
    const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || (nonNegative && value < 0)) {
      const message = nonNegative
        ? 'Query param "after" must be an integer greater than or equal to zero.'
        : 'Query param "after" must be an integer.';
      throw new CoderError(400, message, undefined, [{ field: "after", detail: message }]);
    }
    return value;
  }

  /**
   * GET /workspacebuilds/{id}/logs: every line after `after`, or with `follow` a WebSocket that sends the
   * backlog and then each line as it is written, one JSON object a message, closing with 1000 when the job ends.
   */
  const buildLogsRoute = (c: SimContext) => {
    const { ws, build } = buildParam(c);
    const follow = c.req.query("follow") !== undefined;
    const kind = format(c, follow);
    const after = afterParam(c, false);
    if (!follow) {
      const logs = buildLogs(build, ws.name, engine.now(), after);
      return kind === "text" ? c.text(logs.map((l) => l.output).join("\n")) : c.json(logs);
    }
    return sockets.accept(c, (socket) => {
      let last = after;
      const flush = () => {
        for (const log of buildLogs(build, ws.name, engine.now(), last)) {
          socket.send(JSON.stringify(log));
          last = log.id;
        }
        if (buildLogsDone(build)) socket.close(1000, "done");
      };
      stream(socket, flush);
    });
  };

  /**
   * GET /workspaceagents/{id}/logs: the agent's startup log after `after`; with `follow` a WebSocket of
   * batches (the first is the backlog, maybe empty) that closes once a newer build has replaced the agent.
   */
  const agentLogsRoute = (c: SimContext) => {
    const { ws, agent } = agentParam(c);
    const follow = c.req.query("follow") !== undefined;
    const kind = format(c, follow);
    const after = afterParam(c, true);
    if (!follow) {
      const logs = agentLogs(agent, engine.now(), after);
      return kind === "text" ? c.text(logs.map((l) => l.output).join("\n")) : c.json(logs);
    }
    return sockets.accept(c, (socket) => {
      let last = after;
      let first = true;
      const flush = () => {
        const batch = agentLogs(agent, engine.now(), last);
        if (batch.length > 0 || first) socket.send(JSON.stringify(batch));
        first = false;
        last = batch[batch.length - 1]?.id ?? last;
        if (ws.agent !== agent) socket.close(1000);
      };
      stream(socket, flush);
    });
  };

  /**
   * Polls `flush` until the socket closes (the simulator's clock is brought up to date while any socket is
   * open: sockets.ts); a client's message ends a one-way socket as Coder's does.
   */
  function stream(socket: SimSocket, flush: () => void): void {
    const run = () => {
      if (socket.isOpen()) flush();
    };
    run();
    const timer = setInterval(run, FOLLOW_POLL_MS);
    socket.onMessage(() => socket.close(1002, ONE_WAY));
    socket.onClose(() => clearInterval(timer));
  }

  function watchedWorkspace(c: SimContext): Workspace {
    const ws = store.workspaces.get(uuidParam(c, "workspace"));
    if (!ws || !canRead(c.get("user"), ws)) throw notFound();
    return ws;
  }

  /** A ping, the workspace at once, then the workspace again after every event on it. */
  function watch(ws: Workspace, send: (event: ServerSentEvent) => void): () => void {
    send({ type: "ping", data: null });
    send({ type: "data", data: workspaceJson(store, ws) });
    // Coder re-reads the workspace for each event; it is read once the change that published it is complete.
    return store.watchWorkspace(ws.id, () => queueMicrotask(() => send({ type: "data", data: workspaceJson(store, ws) })));
  }

  /** GET /workspaces/{id}/watch-ws: every workspace event over a one-way WebSocket. */
  const watchWs = (c: SimContext) => {
    const ws = watchedWorkspace(c);
    return sockets.accept(c, (socket) => {
      const stop = watch(ws, (event) => {
        if (socket.isOpen()) socket.send(JSON.stringify(event));
      });
      socket.onMessage(() => socket.close(1002, ONE_WAY));
      socket.onClose(stop);
    });
  };

  /** GET /workspaces/{id}/watch: the same events as server-sent events (deprecated in Coder, still served). */
  const watchSse = (c: SimContext) => {
    const ws = watchedWorkspace(c);
    return streamSSE(c, async (sse) => {
      const queue: ServerSentEvent[] = [];
      let wake: (() => void) | null = null;
      const stop = watch(ws, (event) => {
        queue.push(event);
        wake?.();
      });
      const heartbeat = setInterval(() => {
        queue.push({ type: "ping", data: null });
        wake?.();
      }, HEARTBEAT_MS);
      const ticker = setInterval(() => engine.scheduler.runDue(), FOLLOW_POLL_MS);
      sse.onAbort(() => {
        stop();
        clearInterval(heartbeat);
        clearInterval(ticker);
        wake?.();
      });
      while (!sse.aborted) {
        for (let event = queue.shift(); event !== undefined; event = queue.shift()) {
          await sse.writeSSE(event.type === "ping" ? { event: "ping", data: "" } : { event: event.type, data: JSON.stringify(event.data) });
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    });
  };

  return { buildLogs: buildLogsRoute, agentLogs: agentLogsRoute, watchWs, watchSse };
}
