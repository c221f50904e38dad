import { request } from "./client.ts";
import type {
  AuthMethods,
  AuthorizationRequest,
  AuthorizationResponse,
  BuildInfo,
  LoginWithPasswordResponse,
  Organization,
  User,
  UsersResponse,
} from "../wire/types.ts";

export function login(email: string, password: string): Promise<LoginWithPasswordResponse> {
  return request("/api/v2/users/login", { method: "POST", body: { email, password } });
}

export function logout(): Promise<{ message: string }> {
  return request("/api/v2/users/logout", { method: "POST" });
}

/** The signed-in user; `token` checks a pasted token before it becomes the session. */
export function getMe(signal?: AbortSignal, token?: string): Promise<User> {
  return request("/api/v2/users/me", { signal, token });
}

export function listUsers(q: string, signal?: AbortSignal): Promise<UsersResponse> {
  return request("/api/v2/users", { query: { q }, signal });
}

export function listOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  return request("/api/v2/organizations", { signal });
}

export function getAuthMethods(signal?: AbortSignal): Promise<AuthMethods> {
  return request("/api/v2/users/authmethods", { signal });
}

export function getBuildInfo(signal?: AbortSignal): Promise<BuildInfo> {
  return request("/api/v2/buildinfo", { signal });
}

/** Many permission questions in one request (POST /authcheck). */
export function checkAuthorization(checks: AuthorizationRequest["checks"], signal?: AbortSignal): Promise<AuthorizationResponse> {
  return request("/api/v2/authcheck", { method: "POST", body: { checks } satisfies AuthorizationRequest, signal });
}
