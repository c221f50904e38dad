import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { currentSimulator } from "./src/sim-handle.ts";

/**
 * The network edge: every /api and /sim request from the app goes to the current test's simulator app,
 * the same code that serves `npm start`. Anything else is an error.
 */
export const server = setupServer(http.all(/\/(api|sim)\//, ({ request }) => currentSimulator().app.fetch(request)));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.sessionStorage.clear();
  window.localStorage.clear();
  vi.useRealTimers();
});
afterAll(() => server.close());

// A console.error is a failure: React warnings and unhandled errors must not pass silently.
const consoleError = console.error;
beforeAll(() => {
  console.error = (...args: unknown[]) => {
    consoleError(...args);
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  };
});
afterAll(() => {
  console.error = consoleError;
});
