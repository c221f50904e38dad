import { lazy, Suspense, type ComponentType } from "react";
import { Navigate, useRoutes, type RouteObject } from "react-router";
import { TasksPage } from "../pages/tasks/TasksPage.tsx";
import { Layout } from "./Layout.tsx";
import { RequireSession } from "./RequireSession.tsx";

/** A page in a chunk of its own, fetched the first time its route is visited. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return (
    <Suspense
      fallback={
        <p role="status" className="p-4 text-slate-500">
          Loading…
        </p>
      }
    >
      <Page />
    </Suspense>
  );
}

/**
 * The route table, shared by the browser and the tests. The task list is in the first script, since most
 * visits start there; every other page loads on demand.
 */
export const routes: RouteObject[] = [
  { path: "/login", element: lazyPage(() => import("../pages/login/LoginPage.tsx"), "LoginPage") },
  // The wall may run without a session of its own (CODER_WALL_TOKEN); it sends itself to sign-in on a 401.
  { path: "/wall", element: lazyPage(() => import("../pages/wall/WallPage.tsx"), "WallPage") },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: "/", element: <Navigate to="/tasks" replace /> },
          { path: "/tasks", element: <TasksPage /> },
          { path: "/tasks/new", element: lazyPage(() => import("../pages/new-task/NewTaskPage.tsx"), "NewTaskPage") },
          { path: "/insights", element: lazyPage(() => import("../pages/insights/InsightsPage.tsx"), "InsightsPage") },
          { path: "/tasks/:user/:task", element: lazyPage(() => import("../pages/task/TaskPage.tsx"), "TaskPage") },
        ],
      },
    ],
  },
  { path: "*", element: lazyPage(() => import("../pages/not-found/NotFoundPage.tsx"), "NotFoundPage") },
];

export function AppRoutes() {
  return useRoutes(routes);
}
