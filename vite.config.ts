import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { getRequestListener } from "@hono/node-server";

/** `npm run dev`: the same Hono app as `npm start` answers /api and /sim inside Vite's dev server. */
function coderServer(): Plugin {
  return {
    name: "coder-server",
    apply: "serve",
    async configureServer(server) {
      if (process.env.VITEST) return;
      const { readConfig } = await import("./server/config.ts");
      const { createServerApp } = await import("./server/app.ts");
      const { backendFor } = await import("./server/backend.ts");
      const config = readConfig(process.env);
      const listener = getRequestListener(createServerApp({ backend: backendFor(config), wallToken: config.wallToken }).fetch);
      server.middlewares.use((req, res, next) => {
        const isBackend =
          /^\/(api|sim)(\/|$)/.test(req.url ?? "") || (config.coderUrl !== null && /^\/(icon|emojis)\//.test(req.url ?? ""));
        if (isBackend) void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), coderServer()],
  server: { host: "127.0.0.1" },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "server", environment: "node", include: ["test/server/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "ui",
          environment: "jsdom",
          include: ["test/src/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup-ui.ts"],
        },
      },
    ],
  },
});
