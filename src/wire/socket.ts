/**
 * How the browser hands its session to the dashboard's server on a WebSocket, which cannot carry headers:
 * as one of the subprotocols it offers, never in the URL. The server takes the token out, sends it to Coder
 * as the Coder-Session-Token header, and agrees to SOCKET_PROTOCOL, the one it answers with.
 */
export const SOCKET_PROTOCOL = "coder-tasks-dashboard";
export const SOCKET_TOKEN_PREFIX = "coder-session-token.";
