import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Context } from "hono";
import { randomUUID } from "node:crypto";

/** The server's side of an open WebSocket, as a route's session uses it. */
export interface SimSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
  isOpen(): boolean;
  onMessage(listener: () => void): void;
  onClose(listener: () => void): void;
}

/** What a route does with its socket once the upgrade is done. */
export type SocketSession = (socket: SimSocket) => void;

/** A `ws` socket as a SimSocket. */
function fromWs(ws: WebSocket): SimSocket {
  return {
    send: (text) => ws.send(text),
    close: (code, reason) => ws.close(code, reason),
    isOpen: () => ws.readyState === ws.OPEN,
    onMessage: (listener) => void ws.on("message", listener),
    onClose: (listener) => void ws.once("close", listener),
  };
}

/** The header by which a route's answer says "upgrade this request" to the upgrade handler. */
const SOCKET_HEADER = "X-Sim-Socket";
/** A route's answer waits this long for its upgrade; then it is forgotten (it came through plain HTTP). */
const CLAIM_MS = 10_000;

/** coder/websocket's interval of pings on every socket Coder holds open (HeartbeatInterval). */
export const HEARTBEAT_MS = 15_000;

/** Where a request that answered with a socket waits for the upgrade handler to claim it. */
export class SocketRoutes {
  private readonly pending = new Map<string, SocketSession>();
  private readonly server = new WebSocketServer({ noServer: true, perMessageDeflate: true });
  private readonly extraHeaders = new WeakMap<IncomingMessage, Record<string, string>>();
  private readonly open = new Set<SimSocket>();
  private ticker: NodeJS.Timeout | null = null;

  /** `tick` brings the simulated deployment up to now; it runs often while any socket is open, so pushes are timely. */
  constructor(private readonly tick: () => void) {
    this.server.on("headers", (list, req) => {
      for (const [name, value] of Object.entries(this.extraHeaders.get(req) ?? {})) list.push(`${name}: ${value}`);
    });
  }

  /**
   * coder/websocket's Accept, from a route that has authenticated and authorized the request: a request
   * that is not a WebSocket handshake gets 426, an Origin whose host is not the request's Host gets 403.
   * Otherwise the answer tells the upgrade handler to run `session` on the socket.
   */
  accept(c: Context, session: SocketSession): Response {
    const connection = c.req.header("Connection") ?? "";
    if (!/(^|,)\s*upgrade\s*(,|$)/i.test(connection) || c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      return c.text(`WebSocket protocol violation: Connection header "${connection}" does not contain Upgrade`, 426, {
        Connection: "Upgrade",
        Upgrade: "websocket",
      });
    }
    const origin = c.req.header("Origin");
    if (origin !== undefined) {
      const host = c.req.header("Host") ?? "";
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        return c.text(`request Origin "${origin}" is not a valid URL with a host`, 403);
      }
      if (originHost.toLowerCase() !== host.toLowerCase()) {
        return c.text(`request Origin "${originHost}" is not authorized for Host "${host}"`, 403);
      }
    }
    const id = randomUUID();
    this.pending.set(id, session);
    setTimeout(() => this.pending.delete(id), CLAIM_MS).unref();
    return c.body(null, 200, { [SOCKET_HEADER]: id });
  }

  /**
   * Runs a handshake through the simulator's routes (auth, rate limit, parameters, exactly as for plain
   * requests), then either upgrades the connection or writes the route's refusal on it. `responseHeaders`
   * are added to the 101 (the dashboard's server names the subprotocol it agreed with the browser).
   */
  async upgrade(
    fetch: (request: Request) => Response | Promise<Response>,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    responseHeaders: Record<string, string> = {},
  ): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const { session, refusal } = await this.handshake(fetch, new Request(url, { method: req.method ?? "GET", headers }));
    if (session === null) {
      await writeRefusal(socket, refusal);
      return;
    }
    this.extraHeaders.set(req, responseHeaders);
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const simSocket = fromWs(ws);
      this.track(simSocket);
      const heartbeat = setInterval(() => ws.ping(), HEARTBEAT_MS);
      ws.once("close", () => clearInterval(heartbeat));
      session(simSocket);
    });
  }

  /**
   * The same handshake for a socket that is not a network connection (a test's, handed over by MSW): the
   * route's refusal, or null once `socket` is connected to the route's session.
   */
  async connect(fetch: (request: Request) => Response | Promise<Response>, request: Request, socket: SimSocket): Promise<Response | null> {
    const { session, refusal } = await this.handshake(fetch, request);
    if (session === null) return refusal;
    this.track(socket);
    session(socket);
    return null;
  }

  private async handshake(
    fetch: (request: Request) => Response | Promise<Response>,
    request: Request,
  ): Promise<{ session: SocketSession; refusal?: undefined } | { session: null; refusal: Response }> {
    let response: Response;
    try {
      response = await fetch(request);
    } catch {
      response = new Response(JSON.stringify({ message: "Internal server error" }), { status: 500 });
    }
    const id = response.status === 200 ? response.headers.get(SOCKET_HEADER) : null;
    const session = id === null ? undefined : this.pending.get(id);
    if (id === null || session === undefined) return { session: null, refusal: response };
    this.pending.delete(id);
    return { session };
  }

  /** Keeps the clock ticking while sockets are open. */
  private track(socket: SimSocket): void {
    this.open.add(socket);
    this.ticker ??= setInterval(this.tick, 100);
    socket.onClose(() => {
      this.open.delete(socket);
      if (this.open.size === 0 && this.ticker !== null) {
        clearInterval(this.ticker);
        this.ticker = null;
      }
    });
  }

  /** Closes every open socket (the server is stopping). */
  closeAll(): void {
    for (const socket of [...this.open]) socket.close(1001, "The server is going away.");
    for (const client of this.server.clients) client.terminate();
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}

/** A refused handshake: the route's status, headers and body, written on the raw connection. */
async function writeRefusal(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? "Error"}`];
  response.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "connection" && name !== "transfer-encoding") lines.push(`${name}: ${value}`);
  });
  lines.push(`Content-Length: ${body.length}`, "Connection: close", "", "");
  socket.end(Buffer.concat([Buffer.from(lines.join("\r\n")), body]));
}
