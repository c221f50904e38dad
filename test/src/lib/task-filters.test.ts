import { describe, expect, it } from "vitest";
import type { Task } from "../../../src/wire/types.ts";
import { DEFAULT_FILTERS, filtersToParams, matchesStatus, parseFilters, serverQuery, sortTasks } from "../../../src/lib/task-filters.ts";

function task(over: Partial<Task> & { id: string }): Task {
  return {
    organization_id: "o",
    owner_id: "u",
    owner_name: "alice",
    name: over.id,
    display_name: over.id,
    template_id: "t",
    template_version_id: "v",
    template_name: "claude-code",
    template_display_name: "Claude Code",
    template_icon: "",
    workspace_id: null,
    workspace_name: over.id,
    workspace_agent_id: null,
    workspace_agent_lifecycle: null,
    workspace_agent_health: null,
    workspace_app_id: null,
    initial_prompt: "",
    status: "active",
    current_state: null,
    created_at: "2026-11-22T12:00:00Z",
    updated_at: "2026-11-22T12:00:00Z",
    ...over,
  };
}

const state = (s: "working" | "idle" | "complete" | "failed") => ({ state: s, message: "", uri: "", timestamp: "2026-11-22T12:00:00Z" });

describe("filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = {
      statuses: ["paused", "error"],
      waiting: true,
      owner: "bob",
      organization: "platform",
      search: "fix auth",
      sort: "name",
      direction: "desc",
      stuck: true,
      stuckLimits: { startingMinutes: 15, workingMinutes: 60 },
    } as const;
    const params = filtersToParams({ ...filters, statuses: [...filters.statuses] });
    expect(params.toString()).toBe(
      "status=paused%2Cerror&waiting=1&stuck=1&stuck-initializing=15&owner=bob&org=platform&q=fix+auth&sort=name&dir=desc",
    );
    expect(parseFilters(params)).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("falls back to the defaults for nonsense", () => {
    const parsed = parseFilters(new URLSearchParams("status=bogus,,active&sort=sideways&dir=up&owner=<script>&org=a b&waiting=yes"));
    expect(parsed).toEqual({ ...DEFAULT_FILTERS, statuses: ["active"] });
  });

  it("quotes owner and organization for the server", () => {
    expect(serverQuery({ owner: "bob", organization: "platform" })).toBe('owner:"bob" organization:"platform"');
    expect(serverQuery({ owner: "", organization: "" })).toBe("");
  });
});

describe("status filter", () => {
  it("combines statuses and waiting-for-input with OR; nothing selected means everything", () => {
    const waiting = task({ id: "w", current_state: state("idle") });
    const working = task({ id: "k", current_state: state("working") });
    const paused = task({ id: "p", status: "paused", current_state: state("idle") });
    const pick = (statuses: Task["status"][], isWaiting: boolean) =>
      [waiting, working, paused].filter((t) => matchesStatus(t, { statuses, waiting: isWaiting, stuck: false })).map((t) => t.id);
    expect(pick([], false)).toEqual(["w", "k", "p"]);
    expect(pick([], true)).toEqual(["w"]);
    expect(pick(["paused"], true)).toEqual(["w", "p"]);
    const onlyStuck = [waiting, working, paused].filter((t) =>
      matchesStatus(t, { statuses: [], waiting: false, stuck: true }, new Set(["k"])),
    );
    expect(onlyStuck.map((t) => t.id)).toEqual(["k"]);
  });
});

describe("sorting", () => {
  const tasks = [
    task({ id: "old-idle", created_at: "2026-11-20T00:00:00Z", current_state: state("idle") }),
    task({ id: "new-working", created_at: "2026-11-22T00:00:00Z", current_state: state("working") }),
    task({ id: "paused", status: "paused", created_at: "2026-11-22T01:00:00Z" }),
    task({ id: "error", status: "error", created_at: "2026-11-21T00:00:00Z" }),
    task({ id: "new-failed", created_at: "2026-11-22T00:00:00.5Z", current_state: state("failed") }),
  ];

  it("puts what needs attention first, then working, then the rest, newest first", () => {
    expect(sortTasks(tasks, "attention", "desc").map((t) => t.id)).toEqual(["new-failed", "error", "old-idle", "new-working", "paused"]);
  });

  it("compares times as times, not text (Go trims sub-second zeros)", () => {
    expect(sortTasks(tasks, "created", "desc").map((t) => t.id)).toEqual(["paused", "new-failed", "new-working", "error", "old-idle"]);
    expect(sortTasks(tasks, "created", "asc").map((t) => t.id)[0]).toBe("old-idle");
  });

  it("sorts by name and by status", () => {
    expect(sortTasks(tasks, "name", "asc").map((t) => t.id)).toEqual(["error", "new-failed", "new-working", "old-idle", "paused"]);
    expect(sortTasks(tasks, "status", "asc").map((t) => t.status)).toEqual(["error", "active", "active", "active", "paused"]);
  });
});
