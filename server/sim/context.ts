import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { authenticate } from "./auth.ts";
import type { Random } from "./clock.ts";
import type { Engine } from "./engine.ts";
import type { Features } from "./features.ts";
import type { User } from "./model.ts";
import type { SocketRoutes } from "./sockets.ts";
import type { Store } from "./store.ts";

/** What every route module of the simulator shares. */
export interface Sim {
  store: Store;
  engine: Engine;
  random: Random;
  version: string;
  features: Features;
  sockets: SocketRoutes;
}

export type Env = { Variables: { user: User } };
export type SimContext = Context<Env>;

/** Coder's API key middleware: every route behind it has the signed-in user in `c.get("user")`. */
export function requireUser(sim: Sim) {
  return createMiddleware<Env>(async (c, next) => {
    c.set("user", authenticate(c, sim.store, sim.engine.now()));
    await next();
  });
}
