import type { Context, MiddlewareHandler } from "hono";
import { authenticate } from "./auth.ts";
import type { User } from "./model.ts";
import { isSiteOwner } from "./rbac.ts";
import type { Store } from "./store.ts";

/**
 * Coder's API rate limiter (deployment reference §7; coderd/httpmw/ratelimit.go over go-chi/httprate): a
 * sliding one-minute window per caller and URL path. From v2.32 an authenticated caller is keyed by user;
 * before, and for anyone without a valid session, by client address. A site owner may skip it with
 * X-Coder-Bypass-Ratelimit: true (v2.32 on); anyone else who sends that header is refused with 428.
 */
const WINDOW_MS = 60_000;

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
}

export interface RateLimitOptions {
  /** Requests per minute; a negative number turns the limiter off, as CODER_API_RATE_LIMIT does. */
  limit: number;
  /** Key by user (v2.32 on) rather than by client address. */
  byUser: boolean;
  now: () => number;
  store: Store;
}

function caller(c: Context, store: Store, now: number): User | null {
  try {
    return authenticate(c, store, now);
  } catch {
    return null;
  }
}

/** The address the request came from, as the serving app passes it on; one address for in-process callers. */
const clientAddress = (c: Context) => c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() || "local";

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const counters = new Map<string, Counter>();
  return async (c, next) => {
    if (options.limit < 0) return next();
    const now = options.now();
    const user = options.byUser ? caller(c, options.store, now) : null;
    if (options.byUser && c.req.header("X-Coder-Bypass-Ratelimit") === "true") {
      if (user && isSiteOwner(user)) return next();
      return c.text('"X-Coder-Bypass-Ratelimit" provided but user is not owner', 428);
    }
    const key = `${user ? user.id : clientAddress(c)}:${new URL(c.req.url).pathname}:`;
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let counter = counters.get(key);
    if (!counter || counter.windowStart !== windowStart) {
      const previous = counter && counter.windowStart === windowStart - WINDOW_MS ? counter.current : 0;
      counter = { windowStart, current: 0, previous };
      counters.set(key, counter);
    }
    // httprate's sliding window: the previous minute's count weighs as much as is left of this minute.
    const rate = Math.round((counter.previous * (WINDOW_MS - (now - windowStart))) / WINDOW_MS + counter.current);
    const headers = {
      "X-Ratelimit-Limit": String(options.limit),
      "X-Ratelimit-Reset": String(Math.floor((windowStart + WINDOW_MS) / 1000)),
    };
    if (rate >= options.limit) {
      return c.json({ message: `You've been rate limited for sending more than ${options.limit} requests in 1m0s.` }, 429, {
        ...headers,
        "X-Ratelimit-Remaining": "0",
        "Retry-After": String(WINDOW_MS / 1000),
      });
    }
    counter.current++;
    if (counters.size > 10_000) counters.clear();
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    c.res.headers.set("X-Ratelimit-Remaining", String(Math.max(0, options.limit - rate - 1)));
  };
}
