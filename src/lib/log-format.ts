import type { TaskLogEntry } from "../wire/types.ts";
import { plainText } from "./ansi.ts";

export type LogFilter = "all" | "input" | "output";

export function logAsText(entries: readonly TaskLogEntry[]): string {
  return entries.map((e) => `[${e.time}] ${e.type === "input" ? "You" : "Agent"}:\n${plainText(e.content)}\n`).join("\n");
}

export function logAsJson(entries: readonly TaskLogEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** `#log-42` → 42. */
export function logIdFromHash(hash: string): number | null {
  const match = hash.match(/^#log-(\d+)$/);
  return match ? Number(match[1]) : null;
}
