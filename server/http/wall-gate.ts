import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";

export type WallEnv = { Variables: { wallSession?: string } };

const TASK_LIST_PATHS = new Set(["/api/v2/tasks", "/api/experimental/tasks"]);
/** What anyone may call without a session: how to sign in, and what the server is. */
const PUBLIC_ROUTES = new Set(["POST /api/v2/users/login", "GET /api/v2/users/authmethods", "GET /api/v2/buildinfo"]);

/**
 * Every place Coder takes a session token from, in Coder's order (httpmw.APITokenFromRequest): the
 * coder_session_token cookie, the coder_session_token query parameter, the Coder-Session-Token header, a
 * bearer token, the access_token query parameter. Empty values do not count, as in Coder.
 */
export function credentials(c: Context): { cookie?: string; forwarded: string[] } {
  return {
    cookie: getCookie(c, "coder_session_token") || undefined,
    forwarded: forwardedCredentials(new URL(c.req.url), c.req.raw.headers),
  };
}

/** The credentials a request carries besides the cookie, in Coder's order. */
export function forwardedCredentials(url: URL, headers: Headers): string[] {
  const bearer = headers.get("Authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return [
    url.searchParams.get("coder_session_token"),
    headers.get("Coder-Session-Token"),
    bearer,
    url.searchParams.get("access_token"),
  ].filter((value): value is string => typeof value === "string" && value !== "");
}

const refuse = (c: Context) =>
  c.json({ message: "The wall token may only read the task list.", detail: "Sign in to see or change anything else." }, 403);

/**
 * CODER_WALL_TOKEN: a GET of the task list that brings no session of its own is made with the wall token,
 * so a wall screen needs no sign-in. A request that carries the wall token anywhere (cookie, query, header or
 * bearer), or that would have to lean on it, is refused unless it reads the task list; /sim never takes it.
 * The server drops cookies before forwarding, so the session a request brings upstream is the first of the
 * other places, in Coder's order.
 */
export function wallTokenGate(wallToken: string): MiddlewareHandler<WallEnv> {
  return async (c, next) => {
    const { method } = c.req;
    const path = new URL(c.req.url).pathname;
    const { cookie, forwarded } = credentials(c);
    const carriesWallToken = cookie === wallToken || forwarded.includes(wallToken);
    const isListRead = method === "GET" && TASK_LIST_PATHS.has(path);
    if (carriesWallToken && !isListRead) return refuse(c);
    if (path.startsWith("/sim/")) return next();
    const session = forwarded[0];
    if (session === undefined) {
      if (PUBLIC_ROUTES.has(`${method} ${path}`)) return next();
      if (!isListRead) return refuse(c);
      c.set("wallSession", wallToken);
    }
    return next();
  };
}
