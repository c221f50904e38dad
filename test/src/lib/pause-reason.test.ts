import { describe, expect, it } from "vitest";
import { pauseReasonOf, pauseReasonWords } from "../../../src/lib/pause-reason.ts";
import type { WorkspaceBuild } from "../../../src/wire/types.ts";

const build = (transition: string, reason: string, initiator = "alice") =>
  ({ transition, reason, initiator_name: initiator, created_at: "2026-12-01T10:00:00Z" }) as unknown as WorkspaceBuild;

describe("pause reasons", () => {
  it.each([
    ["task_auto_pause", "bob", "Paused itself (idle timeout)"],
    // Coder before v2.31 records an auto-pause as autostop; its initiator is the owner, which says nothing.
    ["autostop", "bob", "Paused itself (idle timeout)"],
    ["task_manual_pause", "bob", "Paused by bob"],
    ["task_manual_pause", "alice", "Paused by you"],
    ["cli", "carol", "Paused by carol"],
    ["a_reason_from_a_newer_coder", "carol", "Paused by carol"],
  ])("words a stop build with reason %s by %s as %j", (reason, initiator, words) => {
    const found = pauseReasonOf(build("stop", reason, initiator));
    expect(found && pauseReasonWords(found, "alice")).toBe(words);
  });

  it("finds none in a start build", () => {
    expect(pauseReasonOf(build("start", "task_resume"))).toBeNull();
  });
});
