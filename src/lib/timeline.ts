import type { WorkspaceAppStatus, WorkspaceBuild } from "../wire/types.ts";
import { pauseReasonOf, pauseReasonWords } from "./pause-reason.ts";
import { safeHttpUrl } from "./safe-url.ts";

/**
 * A task's story from what Coder keeps, so it reads the same after a reload and for every viewer: the
 * workspace's builds (every start, pause and resume, with who and why) and every report of the task's chat
 * app (`statuses`, kept across builds). What the time went to is measured between those moments; the
 * insights page adds up the same events.
 */

export type Spent = "working" | "waiting" | "paused" | "starting" | "done" | "other";

export interface TimelineEvent {
  at: number;
  kind: "build" | "report";
  /** What happened, in words: "Resumed by alice", "Working: Running the test suite". */
  text: string;
  /** The agent's link with a report, when it is http or https. */
  uri: string | null;
  /** How long until the next event (or now), and what that time counted as. */
  lastsMs: number;
  spent: Spent;
}

export interface Timeline {
  events: TimelineEvent[];
  totals: Record<"working" | "waiting" | "paused", number>;
}

const START_WORDS: Record<string, string> = {
  task_resume: "Resumed",
  autostart: "Started on schedule",
};

function buildText(build: WorkspaceBuild, me: string | undefined, isFirst: boolean): string {
  const pause = pauseReasonOf(build);
  if (pause) return pauseReasonWords(pause, me);
  const by = build.initiator_name === me ? "you" : build.initiator_name;
  if (build.transition === "delete") return `Deleted by ${by}`;
  const verb = isFirst ? "Created" : (START_WORDS[build.reason] ?? "Started");
  return build.reason === "autostart" ? verb : `${verb} by ${by}`;
}

const STATE_WORDS: Record<string, string> = {
  working: "Working",
  idle: "Waiting for input",
  complete: "Completed",
  failure: "Failed",
};

const STATE_SPENT: Record<string, Spent> = { working: "working", idle: "waiting", complete: "done", failure: "done" };

/** The events oldest first, each with how long it lasted, and the totals of working, waiting for a person and paused. */
export function buildTimeline(
  builds: readonly WorkspaceBuild[],
  statuses: readonly WorkspaceAppStatus[],
  now: number,
  me?: string,
): Timeline {
  const ordered = [...builds].sort((a, b) => a.build_number - b.build_number);
  const raw: Omit<TimelineEvent, "lastsMs">[] = [];
  ordered.forEach((build, i) => {
    const at = Date.parse(build.created_at);
    raw.push({
      at,
      kind: "build",
      text: buildText(build, me, i === 0),
      uri: null,
      spent: build.transition === "stop" ? "paused" : "starting",
    });
    if (build.job.status === "failed") {
      const failedAt = Date.parse(build.job.completed_at ?? build.updated_at);
      raw.push({
        at: failedAt,
        kind: "build",
        text: `Build failed${build.job.error ? `: ${build.job.error}` : ""}`,
        uri: null,
        spent: "other",
      });
    }
  });
  for (const status of statuses) {
    raw.push({
      at: Date.parse(status.created_at),
      kind: "report",
      text: `${STATE_WORDS[status.state] ?? status.state}${status.message ? `: ${status.message}` : ""}`,
      uri: safeHttpUrl(status.uri)?.href ?? null,
      spent: STATE_SPENT[status.state] ?? "other",
    });
  }
  // Builds before reports at the same moment: a resume comes before what the agent then says.
  raw.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === "build" ? -1 : 1));
  // A pause after the agent finished (or gave up) holds nothing up: that time is the task's being done.
  let lastReport: Spent | null = null;
  for (const event of raw) {
    if (event.kind === "report") lastReport = event.spent;
    else if (event.spent === "paused" && lastReport === "done") event.spent = "done";
  }
  const end = Math.max(now, raw[raw.length - 1]?.at ?? now);
  const events = raw.map((event, i) => ({ ...event, lastsMs: Math.max(0, (raw[i + 1]?.at ?? end) - event.at) }));
  const totals = { working: 0, waiting: 0, paused: 0 };
  for (const event of events)
    if (event.spent === "working" || event.spent === "waiting" || event.spent === "paused") totals[event.spent] += event.lastsMs;
  return { events, totals };
}
