import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ValidationError {
  field: string;
  detail: string;
}

/** codersdk.Response: thrown anywhere in a handler, written as Coder's JSON error envelope. */
export class CoderError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly detail?: string,
    readonly validations?: ValidationError[],
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message };
    if (this.detail) body.detail = this.detail;
    if (this.validations && this.validations.length > 0) body.validations = this.validations;
    return body;
  }
}

export function writeError(c: Context, error: CoderError): Response {
  return c.json(error.body(), error.status);
}

export const RESOURCE_NOT_FOUND = "Resource not found or you do not have access to this resource";
export const SIGNED_OUT = "You are signed out or your session has expired. Please sign in again to continue.";

export const notFound = () => new CoderError(404, RESOURCE_NOT_FOUND);
export const buildActive = () => new CoderError(409, "A workspace build is already active.", "A workspace build is already active.");
