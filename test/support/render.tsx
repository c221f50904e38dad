import { render } from "@testing-library/react";
import { useLayoutEffect } from "react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from "react-router";
import { resetTasksApiGeneration } from "../../src/api/tasks.ts";
import { App } from "../../src/app/App.tsx";
import { createQueryClient } from "../../src/app/query-client.ts";
import { AppRoutes } from "../../src/app/routes.tsx";
import { restoreSession } from "../../src/queries/session.ts";
import { createManualClock } from "../../server/sim/clock.ts";
import { CALM_RATES, createSimulator, type Simulator, type SimulatorOptions } from "../../server/sim/simulator.ts";
import { setCurrentSimulator } from "./sim-handle.ts";

export const SESSION_KEY = "coder-tasks.session-token";

export function newSimulator(options: SimulatorOptions = {}): Simulator {
  // The demo's last days only, unless a test asks for the weeks of history (a short list suits jsdom's table).
  const sim = createSimulator({ clock: createManualClock(Date.now()), rates: CALM_RATES, history: false, ...options });
  setCurrentSimulator(sim);
  return sim;
}

/** Where the app is, and a way to move it, as a test sees the browser's address bar and back button. */
export interface TestRouter {
  state: { location: Location };
  navigate: NavigateFunction;
}

function RouterProbe({ onRender }: { onRender: (location: Location, navigate: NavigateFunction) => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  useLayoutEffect(() => onRender(location, navigate));
  return null;
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
  restoreSession();
  const queryClient = createQueryClient({ retry: false });
  const probe: { location?: Location; navigate?: NavigateFunction } = {};
  const router: TestRouter = {
    state: {
      get location() {
        if (!probe.location) throw new Error("the app has not rendered");
        return probe.location;
      },
    },
    navigate: ((to: never, opts?: never) => probe.navigate?.(to, opts)) as NavigateFunction,
  };
  const user = userEvent.setup(options.advanceTimers ? { advanceTimers: options.advanceTimers } : {});
  const view = render(
    <App queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <RouterProbe
          onRender={(location, navigate) => {
            probe.location = location;
            probe.navigate = navigate;
          }}
        />
      </MemoryRouter>
    </App>,
  );
  return { ...view, sim, router, queryClient, user };
}

/** The display names of the seeded tasks that `username` owns and that are not deleted. */
export function taskNamesOf(sim: Simulator, username: string): string[] {
  const owner = sim.store.userByUsername(username);
  return [...sim.store.tasks.values()].filter((t) => t.ownerId === owner?.id && t.deletedAt === null).map((t) => t.displayName);
}
