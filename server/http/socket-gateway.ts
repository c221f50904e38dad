import http, { STATUS_CODES, type IncomingMessage } from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from "../../src/wire/socket.ts";
import type { ServerAppOptions } from "../app.ts";
import { forwardedCredentials } from "./wall-gate.ts";

/**
 * Headers of the handshake that never go upstream: cookies (as on every request the server forwards), and the
 * subprotocols that carry the browser's token. A client that sends Coder's own header keeps it, as over HTTP.
 */
const DROPPED = new Set(["cookie", "sec-websocket-protocol"]);

/**
 * The WebSockets of the API (build and agent log follows, watch-ws), carried through the dashboard's own
 * origin in both modes. The browser offers SOCKET_PROTOCOL and its session as a second subprotocol; this
 * takes the session out and sends it upstream as the Coder-Session-Token header, so no token is ever in a
 * URL. It checks the Origin the way Coder does (a page of another origin cannot use the socket), and sets
 * the Origin Coder will see to Coder's own, so Coder's check passes. A handshake that carries the wall
 * token anywhere is refused: the wall token reads the task list and nothing else.
 */
export function socketGateway(options: Pick<ServerAppOptions, "backend" | "wallToken">) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", () => socket.destroy());
    const host = req.headers.host ?? "";
    const url = new URL(req.url ?? "/", `http://${host || "localhost"}`);
    if (!url.pathname.startsWith("/api/")) return refuse(socket, 404, { message: "Route not found." });

    const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
    const session = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX))?.slice(SOCKET_TOKEN_PREFIX.length);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const cookie = /(?:^|;\s*)coder_session_token=([^;]*)/.exec(headers.get("cookie") ?? "")?.[1];
    const carried = [session, cookie, ...forwardedCredentials(url, headers)];
    if (options.wallToken && carried.includes(options.wallToken)) {
      return refuse(socket, 403, {
        message: "The wall token may only read the task list.",
        detail: "Sign in to see or change anything else.",
      });
    }

    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin)?.toLowerCase() !== host.toLowerCase()) {
      return refuse(socket, 403, `request Origin "${originHost(origin) ?? origin}" is not authorized for Host "${host}"`);
    }

    for (const name of DROPPED) delete req.headers[name];
    if (session) req.headers["coder-session-token"] = session;
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    const agreed: Record<string, string> = offered.includes(SOCKET_PROTOCOL) ? { "Sec-WebSocket-Protocol": SOCKET_PROTOCOL } : {};

    const { backend } = options;
    if (backend.kind === "simulator") {
      void backend.simulator.handleUpgrade(req, socket, head, agreed);
      return;
    }
    forwardUpstream(backend.coderUrl, req, socket, head, agreed);
  };
}

/** Opens the same handshake to Coder, and once Coder agrees, joins the two connections byte for byte. */
function forwardUpstream(coderUrl: URL, req: IncomingMessage, socket: Duplex, head: Buffer, agreed: Record<string, string>): void {
  const target = new URL(req.url ?? "/", coderUrl);
  const headers = { ...req.headers, host: coderUrl.host, ...(req.headers.origin !== undefined ? { origin: coderUrl.origin } : {}) };
  const upstream = (target.protocol === "https:" ? https : http).request(target, { method: "GET", headers });
  upstream.on("upgrade", (response, coder, coderHead) => {
    const lines = ["HTTP/1.1 101 Switching Protocols"];
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      const name = response.rawHeaders[i] ?? "";
      if (name.toLowerCase() !== "sec-websocket-protocol") lines.push(`${name}: ${response.rawHeaders[i + 1] ?? ""}`);
    }
    for (const [name, value] of Object.entries(agreed)) lines.push(`${name}: ${value}`);
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (coderHead.length > 0) socket.write(coderHead);
    if (head.length > 0) coder.write(head);
    coder.on("error", () => socket.destroy());
    socket.on("error", () => coder.destroy());
    coder.pipe(socket).pipe(coder);
  });
  // Coder refused before upgrading (401, 404, 403 on the Origin…): its answer goes back as it is.
  upstream.on("response", (response) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => {
      const body = Buffer.concat(chunks);
      const lines = [`HTTP/1.1 ${response.statusCode ?? 502} ${STATUS_CODES[response.statusCode ?? 502] ?? ""}`];
      for (const [name, value] of Object.entries(response.headers)) {
        if (["connection", "transfer-encoding", "content-length", "set-cookie", "keep-alive"].includes(name) || value === undefined)
          continue;
        lines.push(`${name}: ${Array.isArray(value) ? value.join(", ") : value}`);
      }
      lines.push(`Content-Length: ${body.length}`, "Connection: close", "", "");
      socket.end(Buffer.concat([Buffer.from(lines.join("\r\n")), body]));
    });
  });
  upstream.on("error", (error) =>
    refuse(socket, 502, { message: `Could not reach the Coder deployment at ${coderUrl.origin}.`, detail: error.message }),
  );
  upstream.end();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Answers the handshake with an HTTP error and closes: JSON in Coder's shape, or plain text as coder/websocket writes. */
function refuse(socket: Duplex, status: number, body: string | Record<string, unknown>): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
