import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { loadSession } from "../queries/session.ts";
import { App } from "./App.tsx";
import { createQueryClient } from "./query-client.ts";
import { routes } from "./routes.tsx";
import "./index.css";

loadSession();
const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
