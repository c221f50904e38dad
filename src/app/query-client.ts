import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { describeError, isRetryable, isUnauthorized } from "../lib/errors.ts";
import { endRejectedSession, hasSession } from "../queries/session.ts";

/** Backoff for a retry, unless the server said how long to wait (a rate limit's Retry-After). */
export function retryDelay(attempt: number, error: unknown): number {
  return describeError(error).retryAfterMs ?? Math.min(1000 * 2 ** attempt, 30_000);
}

/**
 * The app's query client; tests make a fresh one each with retries off. Only what can recover is retried
 * (the network, 5xx, 429); any other answer, a 404 included, is shown at once. A 401 ends the session and
 * forgets everything fetched with it; the session guard then sends the user to sign-in, which says why.
 * Without a session (a wall screen) there is nothing to end, and the page that got the 401 decides.
 */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const onError = (error: unknown) => {
    if (!isUnauthorized(error) || !hasSession()) return;
    endRejectedSession(error);
    client.clear();
  };
  const client = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : (count, error) => count < 3 && isRetryable(error),
        retryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
