import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { http, ws } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { bridgeSocket } from "./socket-bridge.ts";
import { currentSimulator } from "./sim-handle.ts";

/**
 * The network edge: every /api and /sim request from the app goes to the current test's simulator app,
 * the same code that serves `npm start`, and so does every WebSocket to /api (socket-bridge.ts). Anything
 * else is an error.
 */
export const server = setupServer(
  http.all(/\/(api|sim)\//, ({ request }) => currentSimulator().app.fetch(request)),
  ws.link(/^wss?:\/\/[^/]+\/api\//).addEventListener("connection", ({ client, info }) => void bridgeSocket(client, info.protocols)),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));

// CI machines are slower than a laptop, and the first render of a lazy page loads its module: the default
// second for findBy* and waitFor is too tight there. A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 3_000 });

// jsdom has no layout. The conversation's scroll box (role="log") reports a screen-sized viewport, and
// scrollTo moves it and fires "scroll" as a browser does, so the virtualized log can be driven as a user would.
const LOG_VIEWPORT = { width: 800, height: 600 };
Object.defineProperty(HTMLElement.prototype, "clientHeight", {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute("role") === "log" ? LOG_VIEWPORT.height : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute("role") === "log" ? LOG_VIEWPORT.width : 0;
  },
});
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
  const top = typeof options === "object" ? options.top : undefined;
  if (top !== undefined) this.scrollTop = top;
  // Browsers fire "scroll" on a later frame, never inside the call.
  setTimeout(() => this.dispatchEvent(new Event("scroll")), 0);
} as Element["scrollTo"];
// jsdom has no <dialog> behaviour. This gives it the part the app relies on: showModal opens it and moves
// focus inside, close() closes it and fires "close", and Escape cancels it. Focus trapping and the inert page
// behind it are the browser's, checked in the browser tests.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
  this.querySelector<HTMLElement>("button, input, select, textarea, [href], [tabindex]")?.focus();
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  if (!this.hasAttribute("open")) return;
  this.removeAttribute("open");
  setTimeout(() => this.dispatchEvent(new Event("close")), 0);
};
document.addEventListener("keydown", (event) => {
  const dialog = document.querySelector<HTMLDialogElement>("dialog[open]");
  if (event.key !== "Escape" || !dialog) return;
  if (dialog.dispatchEvent(new Event("cancel", { cancelable: true }))) dialog.close();
});
document.addEventListener("submit", (event) => {
  const form = event.target as HTMLFormElement;
  if (form.getAttribute("method") !== "dialog") return;
  event.preventDefault();
  form.closest("dialog")?.close();
});

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
