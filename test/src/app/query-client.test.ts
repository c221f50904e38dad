import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/client.ts";
import { createQueryClient, retryDelay } from "../../../src/app/query-client.ts";

describe("the query client", () => {
  it("retries a failure that can recover, up to three times, and never a 4xx other than 429", () => {
    const retry = createQueryClient().getDefaultOptions().queries?.retry as (count: number, error: unknown) => boolean;
    expect(retry(0, new ApiError(503, { message: "Service temporarily unavailable." }))).toBe(true);
    expect(retry(2, new ApiError(0, { message: "Could not reach the server." }))).toBe(true);
    expect(retry(3, new ApiError(500, { message: "Internal server error" }))).toBe(false);
    expect(retry(0, new ApiError(429, { message: "Rate limited" }))).toBe(true);
    for (const status of [400, 401, 403, 404, 409]) expect(retry(0, new ApiError(status, { message: "No" })), String(status)).toBe(false);
  });

  it("waits as long as a rate limit asks, otherwise backs off", () => {
    expect(retryDelay(0, new ApiError(429, { message: "Rate limited" }, 12_000))).toBe(12_000);
    expect(retryDelay(0, new ApiError(500, { message: "Boom" }))).toBe(1_000);
    expect(retryDelay(2, new ApiError(500, { message: "Boom" }))).toBe(4_000);
    expect(retryDelay(10, new ApiError(500, { message: "Boom" }))).toBe(30_000);
  });
});
