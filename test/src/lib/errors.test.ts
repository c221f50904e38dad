import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/client.ts";
import {
  fieldErrors,
  isAgentBusy,
  isDuplicateName,
  isNotFound,
  isPasswordSignInDisabled,
  isRetryable,
  isRouteNotFound,
  sessionEndReason,
} from "../../../src/lib/errors.ts";

const error = (status: number, message: string, extra: { detail?: string; validations?: { field: string; detail: string }[] } = {}) =>
  new ApiError(status, { message, ...extra });

describe("Coder's answers, by name", () => {
  it("retries only what can recover: the network, 5xx and 429", () => {
    expect(isRetryable(error(0, "Could not reach the server."))).toBe(true);
    expect(isRetryable(error(502, "Failed to reach task app endpoint."))).toBe(true);
    expect(isRetryable(error(429, "You've been rate limited for sending more than 512 requests in 1m0s."))).toBe(true);
    for (const status of [400, 401, 403, 404, 409]) expect(isRetryable(error(status, "No")), String(status)).toBe(false);
    expect(isRetryable(new TypeError("a bug"))).toBe(false);
  });

  it("tells a missing route from a missing resource", () => {
    expect(isRouteNotFound(error(404, "Route not found."))).toBe(true);
    expect(isNotFound(error(404, "Route not found."))).toBe(false);
    expect(isNotFound(error(404, "Resource not found or you do not have access to this resource"))).toBe(true);
  });

  it("names the answers pages branch on", () => {
    expect(isAgentBusy(error(409, "Task app is not ready to accept input.", { detail: "Status: running" }))).toBe(true);
    expect(isAgentBusy(error(502, "Task app is not ready to accept input."))).toBe(true);
    expect(isAgentBusy(error(502, "Failed to reach task app endpoint."))).toBe(false);
    expect(isPasswordSignInDisabled(error(403, "Password authentication is disabled."))).toBe(true);
    const duplicate = error(409, 'Workspace "fix-auth" already exists.', {
      validations: [{ field: "name", detail: "This value is already in use and should be unique." }],
    });
    expect(isDuplicateName(duplicate)).toBe(true);
    expect(sessionEndReason(error(401, "Signed out", { detail: 'API key expired at "2026-11-22T12:00:00Z".' }))).toBe("expired");
    expect(sessionEndReason(error(401, "Signed out", { detail: "API key is invalid." }))).toBe("revoked");
  });

  it("puts validations beside their fields, and leaves the rest for a banner", () => {
    const fields = { input: "prompt", name: "name", display_name: "displayName" } as const;
    const duplicate = error(409, 'Workspace "fix-auth" already exists.', {
      validations: [{ field: "name", detail: "This value is already in use and should be unique." }],
    });
    expect(fieldErrors(duplicate, fields)).toEqual({
      byField: { name: 'Workspace "fix-auth" already exists. This value is already in use and should be unique.' },
      rest: null,
    });
    const badName = error(400, "Unable to create a Task with the provided name.", { detail: "Name must be lowercase." });
    expect(fieldErrors(badName, fields).byField.name).toBe("Unable to create a Task with the provided name. (Name must be lowercase.)");
    expect(fieldErrors(error(400, "Display name must be 64 characters or less."), fields).byField.displayName).toBe(
      "Display name must be 64 characters or less.",
    );
    const other = fieldErrors(error(403, "Unauthorized to create workspace."), fields);
    expect(other.byField).toEqual({});
    expect(other.rest?.message).toBe("Unauthorized to create workspace.");
    expect(fieldErrors(null, fields)).toEqual({ byField: {}, rest: null });
  });
});
