import { describe, expect, it } from "vitest";
import { applyLogsChange, parseLogsChange, type LastAnswer } from "../../../src/lib/log-parse.ts";
import type { TaskLogEntry, TaskLogsResponse } from "../../../src/wire/types.ts";

const entry = (id: number, content = `line ${id}`): TaskLogEntry => ({
  id,
  content,
  type: id % 2 ? "output" : "input",
  time: "2026-11-22T12:00:00Z",
});
const encode = (logs: TaskLogEntry[]) => JSON.stringify({ logs });

/** Parses `text` as a poll after `previous`, and gives what the page would then hold. */
function poll(text: string, previous?: { answer: LastAnswer; value: TaskLogsResponse }) {
  const change = parseLogsChange(text, previous?.answer);
  const value = applyLogsChange(previous?.value, change);
  if (value === null) throw new Error("no answer to apply the change to");
  return { change, value, answer: { text, count: value.logs.length, isSnapshot: value.snapshot !== undefined } };
}

describe("parsing a polled conversation", () => {
  it("does not parse an unchanged answer again", () => {
    const before = poll(encode([entry(0), entry(1)]));
    const after = poll(before.answer.text, before);
    expect(after.change).toEqual({ kind: "same" });
    expect(after.value).toBe(before.value);
  });

  it("parses only the tail of an answer that adds entries or grows the last, and reads the same as a full parse", () => {
    const before = poll(encode([entry(0), entry(1), entry(2, "typing")]));
    const grown = encode([entry(0), entry(1), entry(2, 'typing more, with "quotes" and {"id":9} inside'), entry(3), entry(4)]);
    const after = poll(grown, before);
    expect(after.change.kind).toBe("tail");
    expect(after.value).toEqual(JSON.parse(grown));
    expect(after.value.logs[0]).toBe(before.value.logs[0]);
    expect(after.value.logs[1]).toBe(before.value.logs[1]);
  });

  it("parses in full whatever is not an append: a changed earlier entry, a snapshot, another encoding", () => {
    const before = poll(encode([entry(0), entry(1), entry(2)]));
    for (const text of [
      encode([entry(0, "rewritten"), entry(1), entry(2), entry(3)]),
      JSON.stringify({ logs: [entry(0), entry(1), entry(2), entry(3)], snapshot: true, snapshot_at: "2026-11-22T12:00:00Z" }),
      JSON.stringify({ logs: [entry(0), entry(1), entry(2), entry(3)] }, null, 1),
      encode([]),
    ]) {
      const after = poll(text, before);
      expect(after.change.kind, text.slice(0, 60)).toBe("all");
      expect(after.value, text.slice(0, 60)).toEqual(JSON.parse(text));
    }
  });

  it("matches a full parse over a random run of polls", () => {
    let logs: TaskLogEntry[] = [];
    let previous: ReturnType<typeof poll> | undefined;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const kinds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const roll = random();
      if (roll < 0.5) logs = [...logs, ...Array.from({ length: Math.ceil(random() * 5) }, (_, k) => entry(logs.length + k))];
      else if (roll < 0.7 && logs.length > 0) logs = [...logs.slice(0, -1), entry(logs.length - 1, `${logs.at(-1)?.content} more`)];
      else if (roll < 0.75) logs = logs.slice(0, Math.floor(random() * logs.length));
      previous = poll(encode(logs), previous);
      kinds.add(previous.change.kind);
      expect(previous.value.logs, `poll ${i}`).toEqual(logs);
    }
    expect([...kinds].sort()).toEqual(["all", "same", "tail"]);
    expect(logs.length).toBeGreaterThan(20);
  });
});
