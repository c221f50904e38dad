/**
 * `npm run bench`: speed targets, measured outside `npm test`. Prints a table and exits non-zero when a
 * target is missed.
 *
 * - simulator list: GET /api/v2/tasks for 10,000 tasks over real HTTP, as the site owner (median of 20).
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createSimulator } from "../../server/sim/simulator.ts";

interface Result {
  name: string;
  value: number;
  target: number;
  unit: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function simulatorList(): Promise<Result[]> {
  const sim = createSimulator({ taskCount: 10_000 });
  const token = sim.tokenFor("admin");
  const server = await new Promise<{ url: string; close: () => void }>((resolve) => {
    const s = serve({ fetch: sim.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
    );
  });
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v2/tasks`, { headers: { "Coder-Session-Token": token } });
    const body = await response.arrayBuffer();
    if (i >= 3) times.push(performance.now() - started);
    count = body.byteLength;
  }
  server.close();
  return [
    { name: "simulator: list 10,000 tasks (median)", value: median(times), target: 100, unit: "ms" },
    { name: "simulator: list response size", value: count / 1024 / 1024, target: Infinity, unit: "MiB" },
  ];
}

const results = await simulatorList();
const rows = results.map((r) => [r.name, `${r.value.toFixed(1)} ${r.unit}`, Number.isFinite(r.target) ? `< ${r.target} ${r.unit}` : "—", r.value < r.target ? "ok" : "MISSED"]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...[["measure", "value", "target", ""], ...rows].map((row) => (row[i] ?? "").length)));
for (const row of [["measure", "value", "target", ""], ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
const missed = results.filter((r) => !(r.value < r.target));
if (missed.length > 0) {
  console.error(`${missed.length} target(s) missed`);
  process.exit(1);
}
