import { describe, expect, it } from "vitest";
import { createServerApp, type ServerAppOptions } from "../../../server/app.ts";
import { socketGateway } from "../../../server/http/socket-gateway.ts";
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from "../../../src/wire/socket.ts";
import { isRefused, openSocket } from "../../support/sockets.ts";
import { createTask, listen, startSim, TO_INITIALIZING, type TestSim } from "../../support/sim-server.ts";

const WALL_TOKEN = "WallScreen-abcdefghijklmnopqrstuv";

/** The dashboard's server in front of `t`'s simulator (in process) or proxying to it (as to a real Coder). */
async function dashboard(t: TestSim, kind: "simulator" | "proxy", wallToken?: string): Promise<string> {
  const backend: ServerAppOptions["backend"] =
    kind === "simulator" ? { kind: "simulator", simulator: t.sim } : { kind: "proxy", coderUrl: new URL(t.url) };
  return listen(createServerApp({ backend, wallToken }), socketGateway({ backend, wallToken }));
}

const browserProtocols = (token: string) => [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`];

describe.each(["simulator", "proxy"] as const)("WebSockets through the dashboard's server (%s)", (kind) => {
  it("takes the session from a subprotocol, never the URL, agrees to the dashboard's protocol, and carries every event", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const base = await dashboard(t, kind);
    const url = `${base}/api/v2/workspaces/${task.workspace_id}/watch-ws`;
    const result = await openSocket(url, { protocols: browserProtocols(t.as("alice").token), origin: base });
    if (isRefused(result)) throw new Error(`refused: ${result.status} ${result.text}`);
    expect(result.socket.protocol).toBe(SOCKET_PROTOCOL);
    expect(new URL(result.socket.url).search).toBe("");
    const [ping, first] = await result.next(2);
    expect(ping.type).toBe("ping");
    expect(first.data.id).toBe(task.workspace_id);
    t.advance(TO_INITIALIZING);
    const [, , next] = await result.next(3);
    expect(next.data.latest_build.status).toBe("starting");
    result.socket.close();
  });

  it("lets a client that sends Coder's own header keep it, as over HTTP", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const base = await dashboard(t, kind);
    const result = await openSocket(`${base}/api/v2/workspaces/${task.workspace_id}/watch-ws`, {
      headers: { "Coder-Session-Token": t.as("alice").token },
    });
    if (isRefused(result)) throw new Error(`refused: ${result.status} ${result.text}`);
    expect((await result.next(2))[1].data.id).toBe(task.workspace_id);
    result.socket.close();
  });

  it("passes Coder's refusals on: no session is a 401 before any upgrade", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const base = await dashboard(t, kind);
    const refused = await openSocket(`${base}/api/v2/workspaces/${task.workspace_id}/watch-ws`, {
      protocols: [SOCKET_PROTOCOL],
      origin: base,
    });
    expect(isRefused(refused) && refused.status).toBe(401);
    expect(isRefused(refused) && JSON.parse(refused.text).message).toMatch(/signed out/);
  });

  it("refuses a page of another origin, as Coder does", async () => {
    const t = await startSim();
    const task = await createTask(t, "alice");
    const base = await dashboard(t, kind);
    const refused = await openSocket(`${base}/api/v2/workspaces/${task.workspace_id}/watch-ws`, {
      protocols: browserProtocols(t.as("alice").token),
      origin: "https://evil.example",
    });
    expect(isRefused(refused) && refused).toMatchObject({
      status: 403,
      text: `request Origin "evil.example" is not authorized for Host "${new URL(base).host}"`,
    });
  });

  it("refuses the wall token wherever a handshake carries it, and takes no session from the wall", async () => {
    const t = await startSim();
    t.sim.registerApiKey(WALL_TOKEN, "admin");
    const task = await createTask(t, "alice");
    const base = await dashboard(t, kind, WALL_TOKEN);
    const url = `${base}/api/v2/workspaces/${task.workspace_id}/watch-ws`;
    const handshakes: Parameters<typeof openSocket>[1][] = [
      { protocols: browserProtocols(WALL_TOKEN) },
      { headers: { "Coder-Session-Token": WALL_TOKEN } },
      { headers: { Cookie: `coder_session_token=${WALL_TOKEN}` } },
      { headers: { Authorization: `Bearer ${WALL_TOKEN}` } },
    ];
    for (const options of handshakes) {
      const refused = await openSocket(url, options);
      expect(isRefused(refused) && refused.status).toBe(403);
    }
    const inQuery = await openSocket(`${url}?coder_session_token=${WALL_TOKEN}`);
    expect(isRefused(inQuery) && inQuery.status).toBe(403);
    const bare = await openSocket(url);
    expect(isRefused(bare) && bare.status).toBe(401);
  });

  it("answers 404 for a socket outside the API", async () => {
    const t = await startSim();
    const base = await dashboard(t, kind);
    const refused = await openSocket(`${base}/tasks`, { protocols: [SOCKET_PROTOCOL] });
    expect(isRefused(refused) && refused.status).toBe(404);
  });
});
