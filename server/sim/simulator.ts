import { Hono } from "hono";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { bodyLimit } from "hono/body-limit";
import { createRandom, createRealClock, type Clock, type Random } from "./clock.ts";
import type { Sim } from "./context.ts";
import { CALM_RATES, DEFAULT_RATES, Engine, type Rates } from "./engine.ts";
import { CoderError, writeError } from "./errors.ts";
import { mountRoutes } from "./routes.ts";
import { Scheduler } from "./scheduler.ts";
import { issueApiKey } from "./auth.ts";
import { seed } from "./seed.ts";
import { DEFAULT_VERSION, featuresOf } from "./features.ts";
import { rateLimit } from "./rate-limit.ts";
import { SocketRoutes, type SimSocket } from "./sockets.ts";
import { Store } from "./store.ts";
import { taskJsonBytes } from "./wire.ts";

export { CALM_RATES, DEFAULT_RATES };

export interface SimulatorOptions {
  clock?: Clock;
  /** Seed of the random source: the same seed gives the same deployment. */
  seed?: number;
  /** SIM_SPEED: 2 runs every phase twice as fast. */
  speed?: number;
  rates?: Rates;
  /** SIM_TASKS: seed this many tasks instead of the demo set. */
  taskCount?: number;
  /** Four weeks of finished tasks behind the demo (the insights page's history); on unless turned off. */
  history?: boolean;
  /** SIM_FAULT_RATE: the fraction of /api requests answered with a 500 or 503. */
  faultRate?: number;
  /** SIM_LATENCY_MS: added to every /api request. */
  latencyMs?: number;
  /** The Coder version to behave as (see features.ts). */
  version?: string;
  /** SIM_ENABLE_AI_TASKS: on v2.37, keep tasks on as CODER_ENABLE_AI_TASKS=true does. */
  enableAiTasks?: boolean;
  /** SIM_RATE_LIMIT: requests per minute per caller and path (512, as Coder; negative turns it off). */
  rateLimit?: number;
}

export interface Simulator {
  app: Hono;
  store: Store;
  engine: Engine;
  clock: Clock;
  /** A fresh session token for a seeded user, as if they had signed in. */
  tokenFor(username: string): string;
  /** Accepts a given token (Coder's `<10>-<22>` form) as a session of a seeded user. */
  registerApiKey(token: string, username: string): void;
  /**
   * A WebSocket handshake on one of the simulator's streaming routes: answered as Coder would (refused
   * with its JSON error, or upgraded), with `responseHeaders` added to a 101.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, responseHeaders?: Record<string, string>): Promise<void>;
  /** A WebSocket handshake from a socket that is not a network connection (tests through MSW): the refusal, or null once connected. */
  connectSocket(request: Request, socket: SimSocket): Promise<Response | null>;
  /** Ends every open socket and stream. */
  close(): void;
}

const BODY_LIMIT = 1024 * 1024;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? createRealClock();
  const random: Random = createRandom(options.seed ?? 20261122);
  // Faults draw from their own source, so turning them on does not change what the deployment does.
  const faultRandom: Random = createRandom((options.seed ?? 20261122) ^ 0x5eed);
  const version = options.version ?? DEFAULT_VERSION;
  const features = featuresOf(version, options.enableAiTasks ?? false);
  const store = new Store(features);
  const scheduler = new Scheduler(clock, options.speed ?? 1);
  const engine = new Engine(store, scheduler, random, options.rates ?? DEFAULT_RATES);
  const sockets = new SocketRoutes(() => scheduler.runDue());
  const sim: Sim = { store, engine, random, version, features, sockets };

  seed({
    store,
    engine,
    random,
    clock,
    setClock: (c) => scheduler.useClock(c),
    taskCount: options.taskCount,
    history: options.history ?? true,
  });
  // Encode every task once up front so the first list request is as fast as the rest.
  for (const task of store.tasks.values()) taskJsonBytes(store, task);

  const app = new Hono();
  // Coder's httpapi writes JSON with an explicit charset, and every answer names the server's version.
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Coder-Build-Version", version);
    if (c.res.headers.get("Content-Type") === "application/json") {
      c.res.headers.set("Content-Type", "application/json; charset=utf-8");
    }
  });
  app.onError((error, c) => {
    if (error instanceof CoderError) return writeError(c, error);
    return c.json({ message: "Internal server error", detail: error.message }, 500);
  });
  app.notFound((c) => c.json({ message: "Route not found." }, 404));

  const limit = bodyLimit({
    maxSize: BODY_LIMIT,
    onError: (c) => c.json({ message: "Request body is too large.", detail: `The request body must be at most ${BODY_LIMIT} bytes.` }, 413),
  });
  app.use("/api/*", limit);
  app.use("/sim/*", limit);

  const latency = options.latencyMs ?? 0;
  const faultRate = options.faultRate ?? 0;
  app.use("/api/*", async (c, next) => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (faultRate > 0 && faultRandom() < faultRate) {
      return faultRandom() < 0.5
        ? c.json({ message: "Internal server error", detail: "Simulated fault (SIM_FAULT_RATE)." }, 500)
        : c.json({ message: "Service temporarily unavailable.", detail: "Simulated fault (SIM_FAULT_RATE)." }, 503);
    }
    await next();
  });

  // Coder limits the whole of /api/v2 and /api/experimental, and sign-in more tightly (60 a minute).
  const byUser = features.rateLimitByUser;
  app.use(
    "/api/v2/users/login",
    rateLimit({ limit: Math.min(60, options.rateLimit ?? 60), byUser: false, now: () => engine.now(), store }),
  );
  app.use("/api/*", rateLimit({ limit: options.rateLimit ?? 512, byUser, now: () => engine.now(), store }));

  // Bring the deployment up to the present before answering, so every response reflects "now".
  const sync = async (_c: unknown, next: () => Promise<void>) => {
    scheduler.runDue();
    await next();
  };
  app.use("/api/*", sync);
  app.use("/sim/*", sync);

  mountRoutes(app, sim, { advanceClock: (ms) => clock.advance(ms) });

  return {
    app,
    store,
    engine,
    clock,
    tokenFor(username) {
      const user = store.userByUsername(username);
      if (!user) throw new Error(`no seeded user ${username}`);
      return issueApiKey(store, random, user.id, engine.now());
    },
    handleUpgrade: (req, socket, head, responseHeaders) => sockets.upgrade(app.fetch, req, socket, head, responseHeaders),
    connectSocket: (request, socket) => sockets.connect(app.fetch, request, socket),
    close: () => sockets.closeAll(),
    registerApiKey(token, username) {
      const user = store.userByUsername(username);
      const match = token.match(/^([A-Za-z0-9]{10})-([A-Za-z0-9]{22})$/);
      if (!user || !match?.[1] || !match[2]) {
        throw new Error(`a simulator token must look like Coder's: 10 letters or digits, "-", 22 more; got "${token}"`);
      }
      store.apiKeys.set(match[1], { id: match[1], secret: match[2], userId: user.id, expiresAt: Number.MAX_SAFE_INTEGER });
    },
  };
}
