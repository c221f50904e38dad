import type { Simulator } from "../../server/sim/simulator.ts";

let current: Simulator | null = null;

export function setCurrentSimulator(sim: Simulator): void {
  current = sim;
}

export function currentSimulator(): Simulator {
  if (!current) throw new Error("no simulator: call renderApp (or setCurrentSimulator) first");
  return current;
}
