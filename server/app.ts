import { Hono, type Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compression } from "./http/compression.ts";
import { wallTokenGate, type WallEnv } from "./http/wall-gate.ts";
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
function withoutCookies(request: Request, target: URL, session: string | undefined, client: string | undefined): Request {
  const headers = new Headers(request.headers);
  for (const name of HOP_BY_HOP) headers.delete(name);
  if (session !== undefined) headers.set("Coder-Session-Token", session);
  // Whom Coder's rate limit counts an anonymous request against (and, before v2.32, every request).
  if (client !== undefined) headers.set("X-Forwarded-For", client);
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
  // Framing belongs to each connection; and fetch has already decoded the body, so the upstream encoding
  // and length no longer describe it.
  for (const name of ["connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length"]) headers.delete(name);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

type AppContext = Context<WallEnv>;

/** The address of the connection a request came on, where there is one (not in-process calls). */
function clientOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

const routeNotFound = (c: Context) => c.json({ message: "Route not found." }, 404);

/** Methods the Fetch standard cannot carry, so neither the simulator nor a Coder behind the proxy can be asked. */
const UNFORWARDABLE = new Set(["CONNECT", "TRACE", "TRACK"]);

/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";

export function createServerApp(options: ServerAppOptions): Hono<WallEnv> {
  const app = new Hono<WallEnv>();
  // chi answers these with 405 and an empty body (deployment reference §1.3); fetch cannot forward them.
  app.use("*", async (c, next) => (UNFORWARDABLE.has(c.req.method) ? c.body(null, 405) : next()));
  app.use("*", compression());

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
  if (options.wallToken) {
    app.use("/api/*", wallTokenGate(options.wallToken));
    app.use("/sim/*", wallTokenGate(options.wallToken));
  }
  if (backend.kind === "simulator") {
    const forward = async (c: AppContext) => {
      const url = new URL(c.req.url);
      const response = await backend.simulator.app.fetch(withoutCookies(c.req.raw, url, c.get("wallSession"), clientOf(c)));
      // The simulator's responses are this process's own: their headers can be changed in place, and
      // their bodies are passed on as they are (re-streaming 11 MB would cost more than building it).
      response.headers.delete("set-cookie");
      return response;
    };
    app.all("/api/*", forward);
    app.all("/sim/*", forward);
    // The page a template version's authenticate_url opens (on a real deployment, Coder's own origin).
    app.all("/external-auth/*", forward);
  } else {
    const forward = async (c: AppContext) => {
      const incoming = new URL(c.req.url);
      const target = new URL(incoming.pathname + incoming.search, backend.coderUrl);
      try {
        return passBack(await fetch(withoutCookies(c.req.raw, target, c.get("wallSession"), clientOf(c))));
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
    const root = path.relative(process.cwd(), distDir);
    // The build writes .br and .gz beside each asset (vite.config.ts), served as the browser accepts.
    const cached = (cacheControl: string) =>
      serveStatic({ root, precompressed: true, onFound: (_path, c) => void c.header("Cache-Control", cacheControl) });
    app.use("/assets/*", cached(IMMUTABLE));
    // A missing asset is a 404, not the app's page: a browser would reject HTML as a script.
    app.get("/assets/*", (c) => c.text("Not found", 404));
    app.use("*", cached("no-cache"));
    let indexHtml: string | undefined;
    app.get("*", async (c) => {
      indexHtml ??= await readFile(path.join(distDir, "index.html"), "utf8");
      c.header("Cache-Control", "no-cache");
      return c.html(indexHtml);
    });
  }
  return app;
}
