/**
 * The session token's one owner: held in memory for every request, kept in sessionStorage (or localStorage
 * with "Remember me"), never put in a URL. Whoever needs to follow it subscribes.
 */
const KEY = "coder-tasks.session-token";

/** Why the last session ended, so sign-in can say why the user is there. */
export type SessionEnd = "signed-out" | "expired" | "revoked";

let token: string | null = null;
let endReason: SessionEnd | null = null;
const listeners = new Set<() => void>();

function publish(next: string | null): void {
  token = next;
  for (const listener of listeners) listener();
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY) ?? window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Picks up a session kept by an earlier visit. */
export function loadSession(): void {
  publish(stored());
}

/** A worker has no storage of its own: the page hands it the token with each piece of work. */
export function holdSession(next: string | null): void {
  if (next !== token) publish(next);
}

export function sessionToken(): string | null {
  return token;
}

export function startSession(next: string, remember: boolean): void {
  window.sessionStorage.removeItem(KEY);
  window.localStorage.removeItem(KEY);
  (remember ? window.localStorage : window.sessionStorage).setItem(KEY, next);
  endReason = null;
  publish(next);
}

export function endSession(reason: SessionEnd): void {
  window.sessionStorage.removeItem(KEY);
  window.localStorage.removeItem(KEY);
  endReason = reason;
  publish(null);
}

export function sessionEndReason(): SessionEnd | null {
  return endReason;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
