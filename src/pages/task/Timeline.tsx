import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Panel } from "../../components/Panel.tsx";
import { buildTimeline, type Spent } from "../../lib/timeline.ts";
import { shortLinkLabel } from "../../lib/safe-url.ts";
import { appStatuses } from "../../lib/waiting.ts";
import { durationWords } from "../../lib/time.ts";
import { meQuery } from "../../queries/auth.ts";
import { workspaceBuildsQuery } from "../../queries/workspace.ts";
import type { Task, Workspace } from "../../wire/types.ts";

const SPENT_WORDS: Partial<Record<Spent, string>> = { working: "working", waiting: "waiting for a person", paused: "paused" };

/**
 * The task's whole story from Coder's records (its workspace's builds and its app's reports), newest first,
 * each with how long it lasted, and what the time went to: the same after a reload and for every viewer.
 */
export function Timeline({ task, workspace, now }: { task: Task; workspace: Workspace | undefined; now: number }) {
  const me = useQuery(meQuery()).data?.username;
  const builds = useQuery({ ...workspaceBuildsQuery(task.workspace_id ?? ""), enabled: task.workspace_id !== null });
  const timeline = useMemo(() => {
    const list = builds.data ?? [];
    return buildTimeline(list, appStatuses(task, workspace, list), now, me);
  }, [builds.data, task, workspace, now, me]);
  const events = [...timeline.events].reverse();
  return (
    <Panel title="Timeline">
      {builds.isError && <p className="text-amber-800">Could not load the workspace's builds; showing what is known.</p>}
      <dl className="mb-3 grid grid-cols-3 gap-2 text-center">
        {(["working", "waiting", "paused"] as const).map((kind) => (
          <div key={kind} className="rounded bg-slate-50 p-2">
            <dt className="text-xs text-slate-500">
              {kind === "waiting" ? "Waiting for a person" : kind === "working" ? "Working" : "Paused"}
            </dt>
            <dd className="font-semibold tabular-nums">{durationWords(timeline.totals[kind], true)}</dd>
          </div>
        ))}
      </dl>
      {events.length === 0 ? (
        <p className="text-slate-500">{builds.isPending ? "Loading…" : "Nothing has happened yet."}</p>
      ) : (
        <ol aria-label="Task history" className="max-h-96 space-y-1.5 overflow-y-auto">
          {events.map((event, i) => (
            <li key={`${event.at}-${i}`} className="flex gap-3">
              <time
                dateTime={new Date(event.at).toISOString()}
                className="shrink-0 text-slate-500 tabular-nums"
                title={new Date(event.at).toLocaleString()}
              >
                {new Date(event.at).toLocaleTimeString()}
              </time>
              <span className="min-w-0 break-words">
                <span className={event.kind === "build" ? "font-medium" : ""}>{event.text}</span>
                {event.uri && (
                  <>
                    {" "}
                    <a href={event.uri} target="_blank" rel="noreferrer noopener" className="break-all text-sky-700 underline">
                      {shortLinkLabel(new URL(event.uri))}
                    </a>
                  </>
                )}
                {SPENT_WORDS[event.spent] && (
                  <span className="block text-xs text-slate-500">
                    {i === 0 ? "for" : ""} {durationWords(event.lastsMs, true)} {SPENT_WORDS[event.spent]}
                    {i === 0 ? " so far" : ""}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
