import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { useLocation } from "react-router";
import type { Task, TaskLogEntry } from "../../wire/types.ts";
import { downloadFile } from "../../components/download.ts";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { plainText } from "../../lib/ansi.ts";
import { describeError } from "../../lib/errors.ts";
import { logAsJson, logAsText, logIdFromHash, logKindFor, type LogFilter } from "../../lib/log-format.ts";
import { findMatches } from "../../lib/log-search.ts";
import { taskLogsQuery } from "../../queries/tasks.ts";
import type { EntryMarks } from "./LogEntryRow.tsx";
import { LogToolbar } from "./LogToolbar.tsx";
import { LogView } from "./LogView.tsx";

/** The live conversation is polled while the task is active; a snapshot does not change, so it is read once. */
const LIVE_POLL_MS = 2_000;

const UNAVAILABLE: Record<string, string> = {
  error:
    "The task is in error, so its conversation cannot be shown: Coder serves the live conversation only while a task is active, and a saved snapshot could be out of date. Resume or delete the task.",
  unknown:
    "The task's workspace is stopping, or its agent has gone away, so its conversation cannot be shown right now. It will be back once the task is paused or active again.",
};

export function LogPanel({ task, now }: { task: Task; now: number }) {
  const kind = logKindFor(task.status);
  const logs = useQuery({
    ...taskLogsQuery(task.owner_name, task.id, kind ?? "live"),
    enabled: kind !== null,
    refetchInterval: kind === "live" ? LIVE_POLL_MS : false,
  });
  return (
    <section aria-labelledby="log-heading" className="space-y-2">
      <h2 id="log-heading" className="text-lg font-semibold">
        Conversation
      </h2>
      {kind === null ? (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          {UNAVAILABLE[task.status]}
        </p>
      ) : logs.data ? (
        <>
          {logs.isError && (
            <ErrorBanner error={describeError(logs.error)} title="Could not refresh the conversation; showing what was last loaded" />
          )}
          {logs.data.snapshot && (
            <p role="note" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
              {logs.data.snapshot_at ? (
                <>
                  Snapshot taken <RelativeTime iso={logs.data.snapshot_at} now={now} />, when the task was paused.
                </>
              ) : (
                "No snapshot available: the agent saved none when the task was paused."
              )}
            </p>
          )}
          <Conversation entries={logs.data.logs} taskName={task.name} />
        </>
      ) : logs.isError ? (
        <ErrorBanner error={explainLogError(logs.error)} title="Could not load the conversation" onRetry={() => void logs.refetch()} />
      ) : (
        <p role="status" className="animate-pulse text-slate-500">
          Loading the conversation…
        </p>
      )}
    </section>
  );
}

/** A 404 on the live log of a task one can see means no permission to connect to its workspace. */
function explainLogError(error: unknown) {
  const described = describeError(error);
  if (described.status !== 404) return described;
  return {
    ...described,
    detail:
      "You can see this task, but reading its live conversation needs permission to connect to its workspace (only its owner and site owners have it).",
  };
}

function Conversation({ entries, taskName }: { entries: TaskLogEntry[]; taskName: string }) {
  const { hash } = useLocation();
  const [filter, setFilter] = useState<LogFilter>("all");
  const [search, setSearch] = useState("");
  const [step, setStep] = useState(0);
  const query = useDeferredValue(search);
  const shown = useMemo(() => (filter === "all" ? entries : entries.filter((e) => e.type === filter)), [entries, filter]);
  const texts = useMemo(() => shown.map((e) => plainText(e.content)), [shown]);
  const matches = useMemo(() => findMatches(texts, query), [texts, query]);
  const current = matches.length === 0 ? 0 : ((step % matches.length) + matches.length) % matches.length;
  const marks = useMemo(() => {
    const byEntry = new Map<number, EntryMarks>();
    matches.forEach((m, i) => {
      const id = shown[m.entry]?.id;
      if (id === undefined) return;
      const entry = byEntry.get(id) ?? { ranges: [] };
      entry.ranges.push({ start: m.start, end: m.end, isCurrent: i === current });
      byEntry.set(id, entry);
    });
    return byEntry;
  }, [matches, shown, current]);
  const targetId = logIdFromHash(hash);
  const targetIndex = targetId === null ? -1 : shown.findIndex((e) => e.id === targetId);
  const focusIndex = matches.length > 0 ? (matches[current]?.entry ?? null) : targetIndex >= 0 ? targetIndex : null;

  if (entries.length === 0) return <p className="text-sm text-slate-500">No messages yet.</p>;
  return (
    <div className="space-y-2">
      <LogToolbar
        filter={filter}
        onFilter={setFilter}
        search={search}
        onSearch={(text) => {
          setSearch(text);
          setStep(0);
        }}
        matchCount={matches.length}
        current={current}
        onStep={(delta) => setStep((s) => s + delta)}
        onDownload={(format) =>
          format === "text"
            ? downloadFile(`${taskName}-log.txt`, "text/plain", logAsText(shown))
            : downloadFile(`${taskName}-log.json`, "application/json", logAsJson(shown))
        }
      />
      <LogView entries={shown} marks={marks} focusIndex={focusIndex} targetId={targetId} />
    </div>
  );
}
