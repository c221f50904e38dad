import { useSyncExternalStore } from "react";
import { setSessionToken } from "../api/client.ts";

/**
 * The session token: in sessionStorage, or localStorage with "Remember me". Never in a URL. Components read
 * it through useSessionToken, so expiring the session anywhere re-renders the guard that sends to sign-in.
 */
const KEY = "coder-tasks.session-token";

let token: string | null = null;
/** Why the last session ended: after a sign-out, sign-in starts afresh; after expiry, it returns to the page. */
let endReason: "signed-out" | "expired" | null = null;
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY) ?? window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function publish(next: string | null): void {
  token = next;
  setSessionToken(next);
  for (const listener of listeners) listener();
}

export function loadSession(): void {
  publish(readStored());
}

export function startSession(next: string, remember: boolean): void {
  endSession("signed-out");
  endReason = null;
  (remember ? window.localStorage : window.sessionStorage).setItem(KEY, next);
  publish(next);
}

export function endSession(reason: "signed-out" | "expired"): void {
  endReason = reason;
  window.sessionStorage.removeItem(KEY);
  window.localStorage.removeItem(KEY);
  publish(null);
}

export function hasSession(): boolean {
  return token !== null;
}

export function sessionEndReason(): "signed-out" | "expired" | null {
  return endReason;
}

export function useSessionToken(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => token,
  );
}
