import { CALM_RATES, type SimulatorOptions } from "./sim/simulator.ts";

export interface ServerConfig {
  host: string;
  port: number;
  /** Set: proxy /api to this Coder deployment. Unset: serve the built-in simulator. */
  coderUrl: URL | null;
  /** CODER_WALL_TOKEN: a session token that wall screens without a sign-in read the task list with. */
  wallToken: string | undefined;
  simulator: SimulatorOptions;
}

/** Thrown for a bad environment variable, with a message meant for the person who set it. */
export class ConfigError extends Error {}

function number(env: NodeJS.ProcessEnv, name: string, check: (n: number) => boolean, rule: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new ConfigError(`${name} must be ${rule}; got "${raw}".`);
  return value;
}

/** A yes/no variable: 1 or true, 0 or false, or unset. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  throw new ConfigError(`${name} must be 1 or 0 (or true or false); got "${raw}".`);
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  let coderUrl: URL | null = null;
  if (env.CODER_URL) {
    try {
      coderUrl = new URL(env.CODER_URL);
    } catch {
      throw new ConfigError(`CODER_URL must be a URL such as https://coder.example.com; got "${env.CODER_URL}".`);
    }
    if (coderUrl.protocol !== "http:" && coderUrl.protocol !== "https:") {
      throw new ConfigError(`CODER_URL must use http or https; got "${env.CODER_URL}".`);
    }
  }
  return {
    host: env.HOST || "127.0.0.1",
    port: number(env, "PORT", (n) => Number.isInteger(n) && n >= 0 && n < 65536, "a port number") ?? 3000,
    coderUrl,
    wallToken: env.CODER_WALL_TOKEN || undefined,
    simulator: {
      speed: number(env, "SIM_SPEED", (n) => n > 0 && n <= 1000, "a number above 0 and at most 1000"),
      taskCount: number(env, "SIM_TASKS", (n) => Number.isInteger(n) && n >= 0 && n <= 100_000, "a whole number up to 100000"),
      faultRate: number(env, "SIM_FAULT_RATE", (n) => n >= 0 && n <= 1, "a fraction from 0 to 1"),
      latencyMs: number(env, "SIM_LATENCY_MS", (n) => n >= 0 && n <= 60_000, "milliseconds from 0 to 60000"),
      seed: number(env, "SIM_SEED", (n) => Number.isInteger(n), "a whole number"),
      version: env.SIM_CODER_VERSION || undefined,
      enableAiTasks: flag(env, "SIM_ENABLE_AI_TASKS"),
      history: flag(env, "SIM_HISTORY"),
      rates: flag(env, "SIM_CALM") ? CALM_RATES : undefined,
      rateLimit: number(
        env,
        "SIM_RATE_LIMIT",
        (n) => Number.isInteger(n) && n !== 0,
        "a whole number of requests a minute (negative turns it off)",
      ),
    },
  };
}
