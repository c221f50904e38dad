/** The simulator never reads the wall clock or Math.random directly, so tests can drive it exactly. */
export interface Clock {
  now(): number;
  /** Moves time forward; the engine runs whatever came due on its next sync. */
  advance(ms: number): void;
}

/** Real time plus whatever `advance` has added, so demos can skip ahead. */
export function createRealClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** Time that moves only when told to: for tests. */
export function createManualClock(start: number): Clock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

export type Random = () => number;

/** mulberry32: small, fast and good enough for picking demo outcomes reproducibly. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function hex(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

export function randomUuid(random: Random): string {
  const h = hex(random, 32);
  const variant = ((parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function randomHex(random: Random, length: number): string {
  return hex(random, length);
}

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Coder API keys are `<10-char id>-<22-char secret>`. */
export function randomToken(random: Random): { id: string; secret: string } {
  const draw = (n: number) => Array.from({ length: n }, () => TOKEN_ALPHABET[Math.floor(random() * TOKEN_ALPHABET.length)]).join("");
  return { id: draw(10), secret: draw(22) };
}
