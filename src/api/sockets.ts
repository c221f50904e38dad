import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from "../wire/socket.ts";
import { sessionToken } from "./session.ts";

/**
 * A WebSocket to one of Coder's streaming routes, through this origin. The session goes as a subprotocol
 * that the dashboard's server turns into Coder's header (src/wire/socket.ts): never in the URL. Null where
 * there is no session or no WebSocket; the caller then polls.
 */
export function openApiSocket(path: string, query: Record<string, string> = {}): WebSocket | null {
  const token = sessionToken();
  if (token === null || typeof WebSocket === "undefined") return null;
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  try {
    return new WebSocket(url, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`]);
  } catch {
    return null;
  }
}
