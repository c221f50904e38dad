import { useSyncExternalStore } from "react";
import { endSession, loadSession, sessionEndReason, sessionToken, subscribeSession, type SessionEnd } from "../api/session.ts";
import { sessionEndReason as endReasonOf } from "../lib/errors.ts";

export type { SessionEnd };

/** Picks up the session an earlier visit kept (app start, tests). */
export const restoreSession = () => loadSession();

export const hasSession = () => sessionToken() !== null;

/** A 401 on a signed-in request: the session expired or was revoked, and Coder's detail says which. */
export const endRejectedSession = (error: unknown) => endSession(endReasonOf(error));

/** Why the last session ended, for the sign-in page to say; null while none has ended in this tab. */
export const lastSessionEnd = (): SessionEnd | null => sessionEndReason();

/** The session token, re-rendering when a session starts or ends anywhere (sign-in, sign-out, a 401). */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeSession, sessionToken);
}
