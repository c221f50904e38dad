import { describe, expect, it } from "vitest";
import { buildLogLines, startupView } from "../../../src/lib/startup.ts";
import type { ProvisionerJobLog, Workspace } from "../../../src/wire/types.ts";

const workspace = (transition: string, job: string, lifecycle?: string) =>
  ({
    latest_build: {
      transition,
      job: { status: job },
      resources: lifecycle ? [{ agents: [{ lifecycle_state: lifecycle, log_sources: [] }] }] : [],
    },
  }) as unknown as Workspace;

describe("what a task page shows of its workspace coming up", () => {
  it.each([
    ["start", "pending", undefined, "build", false],
    ["start", "running", undefined, "build", false],
    ["start", "failed", undefined, "build", true],
    ["start", "succeeded", "created", "agent", false],
    ["start", "succeeded", "starting", "agent", false],
    ["start", "succeeded", "start_error", "agent", true],
    ["start", "succeeded", "start_timeout", "agent", true],
    ["start", "succeeded", "ready", null, false],
    ["stop", "running", undefined, null, false],
  ])("a %s build whose job is %s (agent %s): %s", (transition, job, lifecycle, kind, failed) => {
    const view = startupView(workspace(transition, job, lifecycle));
    expect(view?.kind ?? null).toBe(kind);
    if (view) expect(view.failed).toBe(failed);
  });

  it("makes a stage's empty first line its heading, and one row of each line of an entry", () => {
    const log = (id: number, output: string, source: ProvisionerJobLog["log_source"] = "provisioner") =>
      ({ id, created_at: "2026-12-01T10:00:00Z", log_source: source, log_level: "info", stage: "Planning", output }) as ProvisionerJobLog;
    const lines = buildLogLines([log(1, "", "provisioner_daemon"), log(2, "first\nsecond")]);
    expect(lines.map((l) => [l.id, l.isHeader, l.text])).toEqual([
      [1, true, "Planning"],
      [2, false, "first"],
      [2, false, "second"],
    ]);
  });
});
