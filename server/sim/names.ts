import { createHash } from "node:crypto";
import { pick, randomHex, type Random } from "./clock.ts";

const NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;

/** codersdk.NameValid: returns the reason a name is refused, or null. */
export function nameInvalidReason(name: string): string | null {
  if (name.length > 32) return "must be <= 32 characters";
  if (name.length < 1) return "must be >= 1 character";
  if (name === "new" || name === "create") return `cannot use "${name}" as a name`;
  if (!NAME_PATTERN.test(name)) return "must be alphanumeric with hyphens";
  return null;
}

/** Cuts at the last space at or before `max`, or hard at `max` when there is none. */
function truncateAtWord(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text];
  if (chars.length <= max) return { text, cut: false };
  const head = chars.slice(0, max).join("");
  const space = head.lastIndexOf(" ");
  return { text: space > 0 ? head.slice(0, space) : head, cut: true };
}

const upperFirst = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const ADJECTIVES = ["brave", "calm", "eager", "fancy", "gentle", "happy", "jolly", "keen", "lucid", "merry", "quiet", "swift"];
const SCIENTISTS = ["turing", "hopper", "lovelace", "curie", "noether", "shannon", "dijkstra", "knuth", "ritchie", "hamilton"];

/** taskname.Generate without an LLM: only the missing one of name and display name is used by the caller. */
export function generateNames(prompt: string, random: Random): { name: string; displayName: string } {
  const flat = prompt.replace(/[\n\t\r]/g, " ");
  const suffix = randomHex(random, 4);
  const slug = truncateAtWord(flat, 27)
    .text.toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  if (slug) {
    const display = truncateAtWord(flat, 64);
    return { name: `${slug}-${suffix}`, displayName: upperFirst((display.cut ? `${display.text}…` : display.text).trim()) };
  }
  const docker = `${pick(random, ADJECTIVES)}-${pick(random, SCIENTISTS)}`.slice(0, 27);
  return { name: `${docker}-${suffix}`, displayName: upperFirst(docker.replace(/-/g, " ")) };
}

/** A UUID that is always the same for the same name, for records the simulator does not store (resources, log sources). */
export function stableUuid(name: string): string {
  const hex = createHash("sha1").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
