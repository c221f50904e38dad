import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { App } from "../../src/app/App.tsx";
import { createQueryClient } from "../../src/app/query-client.ts";
import { routes } from "../../src/app/routes.tsx";
import { loadSession } from "../../src/queries/session.ts";
import { resetTasksApiGeneration } from "../../src/api/tasks.ts";
import { createManualClock } from "../../server/sim/clock.ts";
import { CALM_RATES, createSimulator, type Simulator, type SimulatorOptions } from "../../server/sim/simulator.ts";
import { setCurrentSimulator } from "./sim-handle.ts";

export const SESSION_KEY = "coder-tasks.session-token";

export function newSimulator(options: SimulatorOptions = {}): Simulator {
  const sim = createSimulator({ clock: createManualClock(Date.now()), rates: CALM_RATES, ...options });
  setCurrentSimulator(sim);
  return sim;
}

/**
 * The real app at `path`: real routes in a memory router, a fresh query client with retries off, and the
 * network going to a fresh simulator (see setup-ui.ts). `as` signs a seeded user in first.
 */
export function renderApp(path: string, options: { as?: string; sim?: Simulator; advanceTimers?: (ms: number) => unknown } = {}) {
  const sim = options.sim ?? newSimulator();
  setCurrentSimulator(sim);
  resetTasksApiGeneration();
  if (options.as) window.sessionStorage.setItem(SESSION_KEY, sim.tokenFor(options.as));
  loadSession();
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup(options.advanceTimers ? { advanceTimers: options.advanceTimers } : {});
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, sim, router, queryClient, user };
}

/** The display names of the seeded tasks that `username` owns and that are not deleted. */
export function taskNamesOf(sim: Simulator, username: string): string[] {
  const owner = sim.store.userByUsername(username);
  return [...sim.store.tasks.values()].filter((t) => t.ownerId === owner?.id && t.deletedAt === null).map((t) => t.displayName);
}
