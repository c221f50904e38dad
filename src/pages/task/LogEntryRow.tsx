import { memo, useState } from "react";
import type { TaskLogEntry } from "../../wire/types.ts";
import { parseAnsi } from "../../lib/ansi.ts";
import { highlight } from "../../lib/log-search.ts";
import { exactTime } from "../../lib/time.ts";

export interface EntryMarks {
  ranges: { start: number; end: number; isCurrent: boolean }[];
}

const NO_MARKS: EntryMarks = { ranges: [] };

interface LogEntryRowProps {
  entry: TaskLogEntry;
  marks?: EntryMarks;
  isTarget: boolean;
}

/** One message: who said it, when, and what, as text (terminal colours kept, nothing else interpreted). */
export const LogEntryRow = memo(function LogEntryRow({ entry, marks = NO_MARKS, isTarget }: LogEntryRowProps) {
  const [copied, setCopied] = useState(false);
  const isInput = entry.type === "input";
  const segments = highlight(parseAnsi(entry.content), marks.ranges);
  const copy = async () => {
    await navigator.clipboard.writeText(entry.content);
    setCopied(true);
  };
  return (
    <article
      id={`log-${entry.id}`}
      aria-label={`${isInput ? "You" : "Agent"}, ${exactTime(entry.time)}`}
      className={`mx-2 my-1 rounded-md border px-3 py-2 ${isInput ? "ml-12 border-sky-200 bg-sky-50" : "mr-12 border-slate-200 bg-white"} ${isTarget ? "ring-2 ring-amber-400" : ""}`}
    >
      <header className="mb-1 flex items-center gap-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-700">{isInput ? "You" : "Agent"}</span>
        <time dateTime={entry.time}>{exactTime(entry.time)}</time>
        <a href={`#log-${entry.id}`} className="hover:underline" aria-label={`Link to message ${entry.id}`}>
          #{entry.id}
        </a>
        <button
          type="button"
          className="ml-auto rounded px-1.5 ring-1 ring-slate-300 hover:bg-slate-100"
          onClick={() => void copy()}
          onBlur={() => setCopied(false)}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </header>
      <pre className="font-mono text-sm whitespace-pre-wrap">
        {segments.map((segment, i) =>
          segment.mark ? (
            <mark key={i} className={`${segment.className} ${segment.mark === "current" ? "bg-orange-300" : "bg-yellow-200"}`}>
              {segment.text}
            </mark>
          ) : (
            <span key={i} className={segment.className || undefined}>
              {segment.text}
            </span>
          ),
        )}
      </pre>
    </article>
  );
});
