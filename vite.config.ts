import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { getRequestListener } from "@hono/node-server";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { promisify } from "node:util";
import { MIN_BYTES } from "./server/http/compression.ts";
import { faviconWithBadge } from "./src/lib/favicon.ts";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes .br and .gz beside every script, style and SVG of the build, at the highest levels, for the server to send as they are. */
function precompress(): Plugin {
  return {
    name: "precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      const files = Object.keys(bundle).filter((name) => /\.(js|css|svg)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const data = await readFile(file);
          if (data.length < MIN_BYTES) return;
          await writeFile(`${file}.br`, await brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
          await writeFile(`${file}.gz`, await gzip(data, { level: 9 }));
        }),
      );
    },
  };
}

/** Puts the icon into index.html as a data URL: one request fewer on a first visit, and one definition of the icon. */
function inlineFavicon(): Plugin {
  return { name: "inline-favicon", transformIndexHtml: (html) => html.replace("%FAVICON%", faviconWithBadge(0)) };
}

/** `npm run dev`: the same Hono app as `npm start` answers /api, /sim and /external-auth inside Vite's dev server. */
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
      const { socketGateway } = await import("./server/http/socket-gateway.ts");
      const backend = backendFor(config);
      const listener = getRequestListener(createServerApp({ backend, wallToken: config.wallToken }).fetch);
      // The API's WebSockets; Vite's own (hot reload) keep their path and subprotocol.
      const gateway = socketGateway({ backend, wallToken: config.wallToken });
      server.httpServer?.on("upgrade", (req, socket, head) => {
        if (/^\/api\//.test(req.url ?? "")) gateway(req, socket, head);
      });
      server.middlewares.use((req, res, next) => {
        const isBackend =
          /^\/(api|sim|external-auth)(\/|$)/.test(req.url ?? "") || (config.coderUrl !== null && /^\/(icon|emojis)\//.test(req.url ?? ""));
        if (isBackend) void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), inlineFavicon(), coderServer(), precompress()],
  server: { host: "127.0.0.1" },
  // Every browser the dashboard supports preloads modules natively; the polyfill would only add bytes to the first load.
  build: {
    modulePreload: { polyfill: false },
    // Left alone, Rolldown cuts what the first page shares with the lazy pages into four small chunks (React,
    // Router, Query, the API client), each one more request and a worse compression ratio. One shared chunk
    // makes the first load of /tasks three scripts and about 2 KB lighter.
    // What only lazy chunks share stays out of it, in "lazy-shared".
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes the modules it names, not what they import: the first page's code stays in "shared".
          includeDependenciesRecursively: false,
          groups: [
            {
              name: "lazy-shared",
              // The task page's composer and the conversation's reading, which the list's reply shares with it, and the
              // worker plumbing that insights share with the conversation.
              test: /src[\\/](pages[\\/]task[\\/]|queries[\\/]task-logs|api[\\/](task-logs|logs-reader|worker-rpc)|lib[\\/]log-(merge|parse))/,
              minShareCount: 2,
              priority: 2,
            },
            { name: "shared", minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
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
          setupFiles: ["test/support/setup-ui.ts"],
        },
      },
    ],
  },
});
