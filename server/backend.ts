import type { ServerAppOptions } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import { createSimulator } from "./sim/simulator.ts";

/**
 * The simulator, or the proxy to CODER_URL. In simulator mode a wall token is registered as a session of the
 * site owner, so that a wall started with CODER_WALL_TOKEN works there as it would against a real Coder.
 */
export function backendFor(config: ServerConfig): ServerAppOptions["backend"] {
  if (config.coderUrl) return { kind: "proxy", coderUrl: config.coderUrl };
  const simulator = createSimulator(config.simulator);
  if (config.wallToken) simulator.registerApiKey(config.wallToken, "admin");
  return { kind: "simulator", simulator };
}
