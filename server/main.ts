import { serve } from "@hono/node-server";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServerApp } from "./app.ts";
import { ConfigError, readConfig, type ServerConfig } from "./config.ts";
import { backendFor } from "./backend.ts";
import { socketGateway } from "./http/socket-gateway.ts";

let config: ServerConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const backend = backendFor(config);
const app = createServerApp({ backend, distDir, wallToken: config.wallToken });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const where = config.coderUrl ? `proxying /api to ${config.coderUrl.origin}` : "with the built-in Coder simulator";
  console.log(`Coder Tasks dashboard on http://${config.host}:${info.port}/ (${where})`);
  if (!config.coderUrl) console.log("Demo sign-in: alice@example.com / demo-password (also admin, olivia, bob)");
  if (config.wallToken) console.log(`Wall screens need no sign-in: http://${config.host}:${info.port}/wall`);
});

server.on("upgrade", socketGateway({ backend, wallToken: config.wallToken }));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (backend.kind === "simulator") backend.simulator.close();
    server.close(() => process.exit(0));
  });
}
