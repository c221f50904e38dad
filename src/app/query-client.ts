import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { endSession, hasSession } from "../queries/session.ts";

const isUnauthorized = (error: unknown) => typeof error === "object" && error !== null && (error as { status?: unknown }).status === 401;

/**
 * The app's query client; tests make a fresh one each with retries off. A 401 ends the session and forgets
 * everything fetched with it; the session guard then sends the user to sign-in and back. Without a session
 * (a wall screen) there is nothing to end, and the page that got the 401 decides what to show.
 */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const onError = (error: unknown) => {
    if (!isUnauthorized(error) || !hasSession()) return;
    endSession("expired");
    client.clear();
  };
  const client = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Auth and permission answers will not change on a retry; anything else gets backoff.
        retry: options.retry === false ? false : (count, error) => !isUnauthorized(error) && count < 3,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
