import type { ErrorResponse, ValidationError } from "../wire/types.ts";

/** A failed request, carrying Coder's own words so the UI can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly validations: ValidationError[];

  constructor(status: number, body: ErrorResponse) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.detail = body.detail ?? "";
    this.validations = body.validations ?? [];
  }

  /** Coder's answer for a route the deployment does not have (an older version). */
  get isRouteNotFound(): boolean {
    return this.status === 404 && this.message === "Route not found.";
  }
}

let sessionToken: string | null = null;

/** The session token sent as Coder-Session-Token; kept in memory here, persisted by the app's session module. */
export function setSessionToken(token: string | null): void {
  sessionToken = token;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  query?: Record<string, string | undefined>;
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
  const headers: Record<string, string> = { Accept: "application/json" };
  if (sessionToken) headers["Coder-Session-Token"] = sessionToken;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: "omit",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, {
      message: "Could not reach the server.",
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, toErrorResponse(response.status, response.statusText, text));
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, { message: "The server sent a response that is not JSON.", detail: text.slice(0, 500) });
  }
}
