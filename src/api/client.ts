import type { ErrorResponse, ValidationError } from "../wire/types.ts";
import { sessionToken } from "./session.ts";

/**
 * Longer than the 30 s Coder spends dialling an agent before it answers 502, so that answer is what the
 * page sees on a send or a live conversation; a Coder that never answers is given up on (deployment reference §8).
 */
export const AGENT_TIMEOUT_MS = 40_000;

/** The longest wait a rate limit may impose on a retry before the page shows the error instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/** A failed request, carrying Coder's own words so the UI can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly validations: ValidationError[];
  /** From Retry-After (seconds) or X-Ratelimit-Reset (Unix seconds), when the server asked for a wait. */
  readonly retryAfterMs: number | null;
  /** When the answer came, so a wait can be told as a time. */
  readonly receivedAt = Date.now();

  constructor(status: number, body: ErrorResponse, retryAfterMs: number | null = null) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.detail = body.detail ?? "";
    this.validations = body.validations ?? [];
    this.retryAfterMs = retryAfterMs;
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  query?: Record<string, string | undefined>;
  /** Give up after this long, as a network failure (the caller's signal still aborts at any time). */
  timeoutMs?: number;
  /** A token to use instead of the session's (checking a pasted token). */
  token?: string;
}

function toErrorResponse(status: number, statusText: string, text: string): ErrorResponse {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && typeof (parsed as ErrorResponse).message === "string") {
      return parsed as ErrorResponse;
    }
  } catch {
    // Not JSON: a proxy or gateway answered instead of Coder.
  }
  return { message: `The server answered ${status} ${statusText}`.trim(), detail: text.slice(0, 500) };
}

/** How long a 429 (or a 503 with Retry-After) asks to wait, capped, or null when it does not say. */
function retryAfter(headers: Headers): number | null {
  const seconds = Number(headers.get("Retry-After"));
  if (headers.get("Retry-After") !== null && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const reset = Number(headers.get("X-Ratelimit-Reset"));
  if (headers.get("X-Ratelimit-Reset") !== null && Number.isFinite(reset)) {
    return Math.min(Math.max(0, reset * 1000 - Date.now()), MAX_RETRY_AFTER_MS);
  }
  return null;
}

/** Relative to the page, so the browser and jsdom tests both reach the same-origin /api. */
function urlFor(path: string, query?: RequestOptions["query"]): URL {
  const url = new URL(path, globalThis.location?.href ?? "http://localhost/");
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  return url;
}

/** One request to the Coder API. Resolves to the parsed body (undefined for an empty one) or throws ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { status, text } = await requestText(path, options);
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(status, { message: "The server sent a response that is not JSON.", detail: text.slice(0, 500) });
  }
}

/** One request, resolving to the body as text (for a caller that parses it its own way) or throwing ApiError. */
export async function requestText(path: string, options: RequestOptions = {}): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = options.token ?? sessionToken();
  if (token) headers["Coder-Session-Token"] = token;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  const timeout = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  try {
    response = await fetch(urlFor(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      credentials: "omit",
    });
  } catch (error) {
    if (timeout?.aborted && !options.signal?.aborted) {
      throw new ApiError(0, {
        message: "Coder did not answer in time.",
        detail: `No answer within ${(options.timeoutMs ?? 0) / 1000} seconds.`,
      });
    }
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, {
      message: "Could not reach the server.",
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, toErrorResponse(response.status, response.statusText, text), retryAfter(response.headers));
  }
  return { status: response.status, text };
}
