import { Navigate, type RouteObject } from "react-router";
import { LoginPage } from "../pages/login/LoginPage.tsx";
import { NewTaskPage } from "../pages/new-task/NewTaskPage.tsx";
import { NotFoundPage } from "../pages/not-found/NotFoundPage.tsx";
import { TaskPage } from "../pages/task/TaskPage.tsx";
import { TasksPage } from "../pages/tasks/TasksPage.tsx";
import { WallPage } from "../pages/wall/WallPage.tsx";
import { Layout } from "./Layout.tsx";
import { RequireSession } from "./RequireSession.tsx";

/** The route table, shared by the browser router and the tests' memory router. */
export const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage /> },
  // The wall may run without a session of its own (CODER_WALL_TOKEN); it sends itself to sign-in on a 401.
  { path: "/wall", element: <WallPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: "/", element: <Navigate to="/tasks" replace /> },
          { path: "/tasks", element: <TasksPage /> },
          { path: "/tasks/new", element: <NewTaskPage /> },
          { path: "/tasks/:user/:task", element: <TaskPage /> },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
];
