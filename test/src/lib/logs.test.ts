import { describe, expect, it } from "vitest";
import type { TaskLogEntry, TaskLogsResponse } from "../../../src/wire/types.ts";
import { parseAnsi, plainText } from "../../../src/lib/ansi.ts";
import { mergeLogs } from "../../../src/lib/log-merge.ts";
import { findMatches, highlight } from "../../../src/lib/log-search.ts";

const entry = (id: number, content = `message ${id}`): TaskLogEntry => ({
  id,
  content,
  type: id % 2 ? "output" : "input",
  time: "2026-11-22T12:00:00Z",
});
const live = (logs: TaskLogEntry[]): TaskLogsResponse => ({ logs });

describe("merging polled logs by id", () => {
  it("keeps every unchanged entry as the same object and appends the new ones", () => {
    const first = live([entry(0), entry(1), entry(2)]);
    const second = live([entry(0), entry(1), entry(2), entry(3)]);
    const merged = mergeLogs(first, second);
    merged.logs.slice(0, 3).forEach((e, i) => expect(e).toBe(first.logs[i]));
    expect(merged.logs).toHaveLength(4);
    expect(merged.logs[3]).toEqual(entry(3));
  });

  it("returns the previous response when nothing changed", () => {
    const first = live([entry(0), entry(1)]);
    expect(mergeLogs(first, live([entry(0), entry(1)]))).toBe(first);
  });

  it("replaces a last message that grew in place", () => {
    const first = live([entry(0), entry(1, "Work")]);
    const merged = mergeLogs(first, live([entry(0), entry(1, "Working on it")]));
    expect(merged.logs[0]).toBe(first.logs[0]);
    expect(merged.logs[1]?.content).toBe("Working on it");
  });

  it("falls back to matching by id when the history changed, and never mixes live logs with a snapshot", () => {
    const first = live([entry(0), entry(1), entry(2)]);
    const merged = mergeLogs(first, live([entry(1), entry(2), entry(5)]));
    expect(merged.logs[0]).toBe(first.logs[1]);
    expect(merged.logs.map((e) => e.id)).toEqual([1, 2, 5]);
    const snapshot = { logs: [entry(0)], snapshot: true, snapshot_at: "2026-11-22T12:00:00Z" };
    expect(mergeLogs(first, snapshot)).toBe(snapshot);
  });
});

describe("terminal colours", () => {
  it("turns SGR codes into styled text and drops every other escape", () => {
    const segments = parseAnsi("\u001b[1;32mok\u001b[0m plain \u001b[31mred\u001b[39m\u001b[2K\u001b]0;title\u0007 end");
    expect(segments).toEqual([
      { text: "ok", className: "text-green-700 font-bold" },
      { text: " plain ", className: "" },
      { text: "red", className: "text-red-700" },
      { text: " end", className: "" },
    ]);
    expect(segments.map((s) => s.text).join("")).not.toContain("\u001b");
    expect(plainText("\u001b[32m+ added\u001b[0m")).toBe("+ added");
  });
});

describe("searching the log", () => {
  it("finds every occurrence, case-insensitively, and marks them across styled segments", () => {
    const matches = findMatches(["Run the Tests", "no", "tests, tests"], "tests");
    expect(matches).toEqual([
      { entry: 0, start: 8, end: 13 },
      { entry: 2, start: 0, end: 5 },
      { entry: 2, start: 7, end: 12 },
    ]);
    const marked = highlight(parseAnsi("Run \u001b[32mthe Tests\u001b[0m"), [{ start: 8, end: 13, isCurrent: true }]);
    expect(marked.map((s) => [s.text, s.mark])).toEqual([
      ["Run ", null],
      ["the ", null],
      ["Tests", "current"],
    ]);
  });
});
