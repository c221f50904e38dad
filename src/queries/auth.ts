import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { endSession, startSession } from "../api/session.ts";
import { getBuildInfo, getMe, login, logout } from "../api/users.ts";
import { clearUserStorage } from "../lib/user-storage.ts";

export const authKeys = {
  me: ["me"] as const,
  buildInfo: ["buildinfo"] as const,
};

export const meQuery = () => queryOptions({ queryKey: authKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });

export const buildInfoQuery = () =>
  queryOptions({ queryKey: authKeys.buildInfo, queryFn: ({ signal }) => getBuildInfo(signal), staleTime: Infinity });

export type SignIn =
  { kind: "password"; email: string; password: string; remember: boolean } | { kind: "token"; token: string; remember: boolean };

/** Signs in with a password, or checks a pasted token against /users/me before keeping it. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignIn) => {
      queryClient.clear();
      if (input.kind === "password") {
        const { session_token } = await login(input.email, input.password);
        startSession(session_token, input.remember);
        return;
      }
      const token = input.token.trim();
      // The token is checked with a request of its own before it becomes the session.
      const me = await getMe(undefined, token);
      startSession(token, input.remember);
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

/**
 * Ends the session on the server, then forgets it, everything fetched with it and everything the user kept
 * in this browser, whatever the server said.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } finally {
        endSession("signed-out");
        clearUserStorage();
        queryClient.clear();
      }
    },
  });
}
