import { useDeferredValue, useMemo, useState } from "react";
import { useLocation } from "react-router";
import { downloadFile } from "../../components/download.ts";
import { plainText } from "../../lib/ansi.ts";
import { logAsJson, logAsText, logIdFromHash, type LogFilter } from "../../lib/log-format.ts";
import { findMatches } from "../../lib/log-search.ts";
import type { TaskLogEntry } from "../../wire/types.ts";
import type { EntryMarks } from "./LogEntryRow.tsx";
import { LogToolbar } from "./LogToolbar.tsx";
import { LogView } from "./LogView.tsx";

/** The conversation with its tools: filter by speaker, search with highlights, downloads, permalinks. */
export function Conversation({ entries, taskName }: { entries: TaskLogEntry[]; taskName: string }) {
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
