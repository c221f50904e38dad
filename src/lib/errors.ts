/**
 * Every Coder answer the UI branches on, named once, so no page compares message strings. Errors are
 * read by shape ({status, message, detail, validations}), so components can use these without the API module.
 */
export interface ErrorDescription {
  message: string;
  detail: string;
  validations: { field: string; detail: string }[];
  status: number;
  /** How long the server asked the client to wait before trying again (429: Retry-After, X-Ratelimit-Reset). */
  retryAfterMs: number | null;
}

export function describeError(error: unknown): ErrorDescription {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { message: unknown; detail?: unknown; validations?: unknown; status?: unknown; retryAfterMs?: unknown };
    return {
      message: typeof e.message === "string" && e.message ? e.message : "Something went wrong.",
      detail: typeof e.detail === "string" ? e.detail : "",
      validations: Array.isArray(e.validations) ? (e.validations as ErrorDescription["validations"]) : [],
      status: typeof e.status === "number" ? e.status : 0,
      retryAfterMs: typeof e.retryAfterMs === "number" ? e.retryAfterMs : null,
    };
  }
  return { message: "Something went wrong.", detail: String(error ?? ""), validations: [], status: 0, retryAfterMs: null };
}

const statusOf = (error: unknown) => describeError(error).status;

/** The server never answered: offline, DNS, a dropped connection (the client reports status 0). */
export const isNetworkError = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 0;

/** A route this deployment does not have (an older or newer Coder), as opposed to a missing resource. */
export const isRouteNotFound = (error: unknown) => statusOf(error) === 404 && describeError(error).message === "Route not found.";

/** The resource does not exist, or the caller may not see it (Coder answers both the same). */
export const isNotFound = (error: unknown) => statusOf(error) === 404 && !isRouteNotFound(error);

/** The session is missing, expired or revoked. */
export const isUnauthorized = (error: unknown) => statusOf(error) === 401;

/** Coder's rate limit (429): the time it lets up again, when the server said, else null. */
export function rateLimitedUntil(error: unknown): number | null {
  if (statusOf(error) !== 429) return null;
  const { retryAfterMs } = describeError(error);
  const receivedAt = (error as { receivedAt?: unknown }).receivedAt;
  return typeof receivedAt === "number" ? receivedAt + (retryAfterMs ?? 60_000) : Date.now() + (retryAfterMs ?? 60_000);
}

export const isRateLimited = (error: unknown) => statusOf(error) === 429;

/** Only these can succeed on a retry: the network, the server's own failures, and a rate limit once it resets. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return isNetworkError(error) || status === 429 || status >= 500;
}

/** Why a 401 ended the session: Coder's detail says "API key expired at …" for an expired key. */
export function sessionEndReason(error: unknown): "expired" | "revoked" {
  return /expired/i.test(describeError(error).detail) ? "expired" : "revoked";
}

/** The agent is working and cannot take a message now (409 from v2.32; 502 with the same words before). */
export const isAgentBusy = (error: unknown) => describeError(error).message === "Task app is not ready to accept input.";

/** Coder could not dial the task's agent within its 30 s (deployment reference §8). */
export const isAgentUnreachable = (error: unknown) =>
  statusOf(error) === 502 && describeError(error).message === "Failed to reach task app endpoint.";

/** The deployment signs in only through OIDC or GitHub; a pasted token still works. */
export const isPasswordSignInDisabled = (error: unknown) =>
  statusOf(error) === 403 && describeError(error).message === "Password authentication is disabled.";

/** Coder v2.33 on refuses a task whose owner has not connected an external auth provider the template needs. */
export const isExternalAuthRequired = (error: unknown) =>
  statusOf(error) === 403 && describeError(error).validations.some((v) => v.field === "external_auth");

/** A workspace or task of that name already exists for the owner (409, validation on "name"). */
export const isDuplicateName = (error: unknown) =>
  statusOf(error) === 409 && describeError(error).validations.some((v) => v.field === "name");

/**
 * A server error as messages beside the form's fields: Coder's `validations` by their JSON field name, plus
 * the create-task refusals that are about one field but come without validations. What no field claims
 * stays for a banner.
 */
export function fieldErrors<F extends string>(
  error: unknown,
  fields: Record<string, F>,
): { byField: Partial<Record<F, string>>; rest: ErrorDescription | null } {
  if (!error) return { byField: {}, rest: null };
  const described = describeError(error);
  const byField: Partial<Record<F, string>> = {};
  for (const v of described.validations) {
    const field = fields[v.field];
    if (field !== undefined) byField[field] = isDuplicateName(error) ? `${described.message} ${v.detail}` : v.detail;
  }
  const nameField = fields.name;
  if (nameField !== undefined && described.message === "Unable to create a Task with the provided name.") {
    byField[nameField] = `${described.message} (${described.detail})`;
  }
  const displayNameField = fields.display_name;
  if (displayNameField !== undefined && described.message.startsWith("Display name")) byField[displayNameField] = described.message;
  return { byField, rest: Object.keys(byField).length > 0 ? null : described };
}
