import type { IncomingMessage } from "node:http";
import WebSocket from "ws";

export interface OpenedSocket {
  socket: WebSocket;
  /** Every text message so far, parsed as JSON. */
  // Tests read arbitrary JSON shapes; each assertion says what it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  messages: any[];
  /** Resolves once `count` messages have arrived. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next(count: number): Promise<any[]>;
  closed: Promise<{ code: number; reason: string }>;
}

export interface Refused {
  status: number;
  headers: IncomingMessage["headers"];
  text: string;
}

/** Opens a WebSocket like a browser or a CLI would; resolves with the open socket, or with the handshake's refusal. */
export function openSocket(
  url: string,
  options: { protocols?: string[]; origin?: string; headers?: Record<string, string> } = {},
): Promise<OpenedSocket | Refused> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), options.protocols ?? [], {
      ...(options.origin ? { origin: options.origin } : {}),
      headers: options.headers ?? {},
    });
    const messages: unknown[] = [];
    const waiters: { count: number; resolve: (messages: unknown[]) => void }[] = [];
    socket.on("message", (data) => {
      messages.push(JSON.parse(String(data)));
      for (const waiter of waiters.filter((w) => messages.length >= w.count)) waiter.resolve(messages.slice(0, waiter.count));
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on("close", (code, reason) => done({ code, reason: String(reason) })),
    );
    socket.on("open", () =>
      resolve({
        socket,
        messages,
        closed,
        next: (count) =>
          messages.length >= count
            ? Promise.resolve(messages.slice(0, count))
            : new Promise((done) => waiters.push({ count, resolve: done })),
      }),
    );
    socket.on("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += String(chunk)));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    socket.on("error", (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

export function isRefused(result: OpenedSocket | Refused): result is Refused {
  return "status" in result;
}
