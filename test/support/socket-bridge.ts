import type { WebSocketClientConnectionProtocol } from "@mswjs/interceptors/WebSocket";
import type { SimSocket } from "../../server/sim/sockets.ts";
import { SOCKET_TOKEN_PREFIX } from "../../src/wire/socket.ts";
import { currentSimulator } from "./sim-handle.ts";

/**
 * A WebSocket the app opened, handed to the test's simulator as the dashboard's server would hand it: the
 * session comes out of the subprotocols into Coder's header, and the simulator's route answers the handshake.
 * A refused handshake closes the socket as a browser sees it (1006), so the app falls back to polling.
 */
export async function bridgeSocket(client: WebSocketClientConnectionProtocol, protocols: string | string[] | undefined): Promise<void> {
  const offered = Array.isArray(protocols) ? protocols : [protocols ?? ""];
  const token = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX))?.slice(SOCKET_TOKEN_PREFIX.length);
  const url = new URL(client.url);
  url.protocol = url.protocol === "wss:" ? "https:" : "http:";
  const headers: Record<string, string> = {
    Connection: "Upgrade",
    Upgrade: "websocket",
    ...(token ? { "Coder-Session-Token": token } : {}),
  };
  let open = true;
  const closeListeners: (() => void)[] = [];
  const messageListeners: (() => void)[] = [];
  const ended = () => {
    if (!open) return;
    open = false;
    for (const listener of closeListeners) listener();
  };
  client.addEventListener("close", ended);
  client.addEventListener("message", () => messageListeners.forEach((listener) => listener()));
  const socket: SimSocket = {
    send: (text) => open && client.send(text),
    close: (code, reason) => {
      if (!open) return;
      client.close(code, reason);
      ended();
    },
    isOpen: () => open,
    onMessage: (listener) => void messageListeners.push(listener),
    onClose: (listener) => void closeListeners.push(listener),
  };
  const refusal = await currentSimulator().connectSocket(new Request(url, { headers }), socket);
  if (refusal !== null) {
    client.close(1006, `handshake refused with ${refusal.status}`);
    ended();
  }
}
