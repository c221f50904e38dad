import { Hono, type Context } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Simulator } from "./sim/simulator.ts";

export interface ServerAppOptions {
  /** Where /api goes: the built-in simulator, or a real Coder deployment behind a same-origin proxy. */
  backend: { kind: "simulator"; simulator: Simulator } | { kind: "proxy"; coderUrl: URL };
  /** The built SPA to serve with history fallback; absent under the Vite dev server, which serves it itself. */
  distDir?: string;
  /** CODER_WALL_TOKEN: lets requests without a session read the task list, and nothing else. */
  wallToken?: string;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers that would leak the browser's cookies upstream or confuse it on the way back. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "host", "cookie", "content-length"];

/**
 * The dashboard authenticates with the Coder-Session-Token header only. Coder's cookie would make the
 * browser send a second credential (and trip Coder's CSRF check when they differ), so cookies never cross.
 */
function withoutCookies(request: Request, target: URL, session: string | undefined): Request {
  const headers = new Headers(request.headers);
  for (const name of HOP_BY_HOP) headers.delete(name);
  if (session !== undefined) headers.set("Coder-Session-Token", session);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(target, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    redirect: "manual",
    // Node needs this to stream a request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

function passBack(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  // fetch has already decoded the body, so the upstream encoding and length no longer describe it.
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

type Env = { Variables: { wallSession?: string } };
type AppContext = Context<Env>;

const routeNotFound = (c: Context) => c.json({ message: "Route not found." }, 404);

const TASK_LIST_PATHS = new Set(["/api/v2/tasks", "/api/experimental/tasks"]);
/** What anyone may call without a session: how to sign in, and what the server is. */
const PUBLIC_ROUTES = new Set(["POST /api/v2/users/login", "GET /api/v2/users/authmethods", "GET /api/v2/buildinfo"]);

/** The session a request brings itself (cookies never cross this server; see withoutCookies). */
function ownSession(request: Request): string | undefined {
  const url = new URL(request.url);
  const bearer = request.headers.get("Authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return (
    request.headers.get("Coder-Session-Token") ??
    bearer ??
    url.searchParams.get("coder_session_token") ??
    url.searchParams.get("access_token") ??
    undefined
  );
}

/**
 * The read-only wall token: a GET of the task list without a session is made with it, so a wall screen needs
 * no sign-in. Any other request that would lean on it (no session of its own, or the wall token itself) is
 * refused with 403, so the wall can look but never act.
 */
function wallTokenGate(wallToken: string) {
  return async (c: AppContext, next: () => Promise<void>) => {
    const { method } = c.req;
    const path = new URL(c.req.url).pathname;
    const session = ownSession(c.req.raw);
    const isListRead = method === "GET" && TASK_LIST_PATHS.has(path);
    if (session === undefined && PUBLIC_ROUTES.has(`${method} ${path}`)) return next();
    if ((session === undefined || session === wallToken) && !isListRead) {
      return c.json({ message: "The wall token may only read the task list.", detail: "Sign in to see or change anything else." }, 403);
    }
    if (session === undefined) c.set("wallSession", wallToken);
    return next();
  };
}

export function createServerApp(options: ServerAppOptions): Hono<Env> {
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    if (c.res.headers.get("Content-Type")?.startsWith("text/html")) {
      c.res.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      c.res.headers.set("X-Frame-Options", "DENY");
    }
  });

  const { backend } = options;
  if (options.wallToken) app.use("/api/*", wallTokenGate(options.wallToken));
  if (backend.kind === "simulator") {
    const forward = async (c: AppContext) => {
      const url = new URL(c.req.url);
      return passBack(await backend.simulator.app.fetch(withoutCookies(c.req.raw, url, c.get("wallSession"))));
    };
    app.all("/api/*", forward);
    app.all("/sim/*", forward);
  } else {
    const forward = async (c: AppContext) => {
      const incoming = new URL(c.req.url);
      const target = new URL(incoming.pathname + incoming.search, backend.coderUrl);
      try {
        return passBack(await fetch(withoutCookies(c.req.raw, target, c.get("wallSession"))));
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
        return c.json({ message: `Could not reach the Coder deployment at ${backend.coderUrl.origin}.`, detail: reason }, 502);
      }
    };
    app.all("/api/*", forward);
    // Template icons and emoji are served by Coder itself.
    app.get("/icon/*", forward);
    app.get("/emojis/*", forward);
    app.all("/sim/*", routeNotFound);
  }
  app.all("/api", routeNotFound);

  const { distDir } = options;
  if (distDir !== undefined) {
    app.use("/assets/*", serveStatic({ root: path.relative(process.cwd(), distDir) }));
    // A missing asset is a 404, not the app's page: a browser would reject HTML as a script.
    app.get("/assets/*", (c) => c.text("Not found", 404));
    app.use("*", serveStatic({ root: path.relative(process.cwd(), distDir) }));
    let indexHtml: string | undefined;
    app.get("*", async (c) => {
      indexHtml ??= await readFile(path.join(distDir, "index.html"), "utf8");
      return c.html(indexHtml);
    });
  }
  return app;
}
