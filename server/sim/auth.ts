import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { randomToken, type Random } from "./clock.ts";
import { CoderError, SIGNED_OUT } from "./errors.ts";
import type { User } from "./model.ts";
import type { Store } from "./store.ts";

export const SESSION_COOKIE = "coder_session_token";
export const SESSION_HEADER = "Coder-Session-Token";

/** APITokenFromRequest: the places Coder looks for a session token, in Coder's order. */
export function tokenFromRequest(c: Context): string | undefined {
  const bearer = c.req.header("Authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return (
    getCookie(c, SESSION_COOKIE) ||
    c.req.query(SESSION_COOKIE) ||
    c.req.header(SESSION_HEADER) ||
    bearer ||
    c.req.query("access_token") ||
    undefined
  );
}

const signedOut = (detail: string) => new CoderError(401, SIGNED_OUT, detail);

/** Validates the token like Coder's API key middleware and returns the signed-in user. */
export function authenticate(c: Context, store: Store, now: number): User {
  const cookie = getCookie(c, SESSION_COOKIE);
  const header = c.req.header(SESSION_HEADER);
  if (cookie && header && cookie !== header) {
    throw new CoderError(
      400,
      'CSRF error encountered. Authentication via "coder_session_token" cookie and "Coder-Session-Token" header detected, but the values do not match. You must only use one of these authentication methods.',
    );
  }
  const token = tokenFromRequest(c);
  if (!token) throw signedOut(`Cookie "${SESSION_COOKIE}" or query parameter must be provided.`);
  const parts = token.split("-");
  if (parts.length !== 2) {
    throw signedOut(`Invalid API key format: incorrect amount of API key parts, expected 2 got ${parts.length}`);
  }
  const [id = "", secret = ""] = parts;
  if (id.length !== 10) throw signedOut(`Invalid API key format: invalid API key ID length, expected 10 got ${id.length}`);
  if (secret.length !== 22) {
    throw signedOut(`Invalid API key format: invalid API key secret length, expected 22 got ${secret.length}`);
  }
  const key = store.apiKeys.get(id);
  if (!key) throw signedOut("API key is invalid.");
  if (key.secret !== secret) throw signedOut("API key secret is invalid.");
  if (key.expiresAt <= now) throw signedOut(`API key expired at "${new Date(key.expiresAt).toISOString()}".`);
  const user = store.users.get(key.userId);
  if (!user) throw signedOut("API key is invalid.");
  return user;
}

/** A new session for a user: what POST /users/login hands out, valid for a day. */
export function issueApiKey(store: Store, random: Random, userId: string, now: number): string {
  const { id, secret } = randomToken(random);
  store.apiKeys.set(id, { id, secret, userId, expiresAt: now + 24 * 60 * 60 * 1000 });
  return `${id}-${secret}`;
}
