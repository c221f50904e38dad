import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";

const isUnauthorized = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 401;

/** One client for the app; tests make a fresh one each with retries off. */
export function createQueryClient(options: { onUnauthorized: () => void; retry?: boolean }): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) options.onUnauthorized();
  };
  return new QueryClient({
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
}
