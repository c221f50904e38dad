import { serve, type ServerType } from "@hono/node-server";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterEach } from "vitest";
import type { Hono } from "hono";
import { createManualClock } from "../../server/sim/clock.ts";
import { CALM_RATES, createSimulator, type Simulator, type SimulatorOptions } from "../../server/sim/simulator.ts";

export const T0 = Date.parse("2026-11-22T12:00:00.000Z");

const open: ServerType[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  for (const sim of simulators.splice(0)) sim.close();
  await Promise.all(open.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Serves an app (anything with Hono's fetch) on a free loopback port for the rest of the test, with its WebSocket handshakes if given. */
export async function listen(app: Pick<Hono, "fetch">, upgrade?: UpgradeHandler): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
    if (upgrade) server.on("upgrade", upgrade);
    open.push(server);
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary JSON shapes; each assertion says what it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface Client {
  token: string;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export interface TestSim {
  sim: Simulator;
  url: string;
  as(username: string): Client;
  anonymous: Client;
  /** Moves the injected clock; the next request plays everything that came due. */
  advance(ms: number): void;
}

export async function fetchReply(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

function clientFor(base: string, token: string): Client {
  const auth: Record<string, string> = token ? { "Coder-Session-Token": token } : {};
  return {
    token,
    get: (path, headers = {}) => fetchReply(base + path, { headers: { ...auth, ...headers } }),
    send: (method, path, body, headers = {}) =>
      fetchReply(base + path, {
        method,
        headers: { ...auth, "Content-Type": "application/json", ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
  };
}

/** A fresh simulator on its own port, on a manual clock, with no random failures unless asked. */
export async function startSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const clock = createManualClock(T0);
  const sim = createSimulator({ clock, rates: CALM_RATES, ...options });
  const url = await listen(sim.app, (req, socket, head) => void sim.handleUpgrade(req, socket, head));
  simulators.push(sim);
  const clients = new Map<string, Client>();
  return {
    sim,
    url,
    as(username) {
      let client = clients.get(username);
      if (!client) {
        client = clientFor(url, sim.tokenFor(username));
        clients.set(username, client);
      }
      return client;
    },
    anonymous: clientFor(url, ""),
    advance: (ms) => sim.clock.advance(ms),
  };
}

/** Phases of a start build at SIM_SPEED=1 (see engine.ts PACE): queued 1 s, job 3 s, agent 1 s + 2 s, app 1.5 s. */
export const TO_INITIALIZING = 1_000;
export const TO_ACTIVE = 8_500;
/** From active until a calm agent has finished its first piece of work and waits for input. */
export const TO_IDLE_AFTER_ACTIVE = 14_000;
/** Stop builds: queued 0.5 s, job 1.5 s. */
export const TO_PAUSED = 2_000;

export async function templateVersion(t: TestSim, name: string, as = "admin"): Promise<string> {
  const templates = await t.as(as).get(`/api/v2/templates`);
  const template = templates.body.find((x: { name: string }) => x.name === name);
  if (!template) throw new Error(`no template ${name}`);
  return template.active_version_id;
}

/** Creates a task as `username` from a template (claude-code unless `extra.template` names another) and returns its JSON. */
export async function createTask(
  t: TestSim,
  username: string,
  input = "Fix the failing tests in auth",
  extra: Record<string, unknown> = {},
) {
  const { template = "claude-code", ...fields } = extra;
  const version = await templateVersion(t, String(template), username);
  const reply = await t.as(username).send("POST", "/api/v2/tasks/me", { template_version_id: version, input, ...fields });
  if (reply.status !== 201) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.body;
}

/** Creates a task and advances until its agent waits for input: status active, state idle. */
export async function idleTask(t: TestSim, username = "alice", input?: string) {
  const task = await createTask(t, username, input);
  t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE);
  return task;
}

/** The session token of a task's agent, from the simulator's controls. */
export async function agentToken(t: TestSim, taskId: string): Promise<string> {
  const reply = await t.as("admin").get(`/sim/tasks/${taskId}/agent-token`);
  if (reply.status !== 200) throw new Error(`no agent token: ${reply.status} ${reply.text}`);
  return reply.body.token;
}

/** A request as the workspace agent, authenticated with its own token. */
export function asAgent(t: TestSim, token: string, method: string, path: string, body: unknown) {
  return fetchReply(t.url + path, {
    method,
    headers: { "Coder-Session-Token": token, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
