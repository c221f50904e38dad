import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { downloadFile } from "../../components/download.ts";
import { findMatches, highlight } from "../../lib/log-search.ts";
import { logLinesAsText, type LogLine } from "../../lib/startup.ts";

interface LineLogProps {
  /** "Build log" or "Startup log": the log's accessible name, and what its search field is called. */
  label: string;
  lines: readonly LogLine[];
  fileName: string;
  /** Whether to show each line's source (the script that printed it). */
  showSource: boolean;
}

const ROW_PX = 22;
const BOTTOM_SLACK = 2 * ROW_PX;
const button = "rounded px-2 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50";

/**
 * A build or startup log, line by line and virtualized (a 20,000-line log keeps a screenful in the DOM).
 * It follows new lines while the reader is at the bottom, opens at the first error when there is one, and
 * has search, copy and download. Every line is text.
 */
export function LineLog({ label, lines, fileName, showSource }: LineLogProps) {
  const searchId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState("");
  const [step, setStep] = useState(0);
  const [copied, setCopied] = useState(false);
  const query = useDeferredValue(search);
  const count = lines.length;
  const texts = useMemo(() => lines.map((l) => l.text), [lines]);
  const matches = useMemo(() => findMatches(texts, query), [texts, query]);
  const current = matches.length === 0 ? 0 : ((step % matches.length) + matches.length) % matches.length;
  const rangesByLine = useMemo(() => {
    const byLine = new Map<number, { start: number; end: number; isCurrent: boolean }[]>();
    matches.forEach((m, i) =>
      byLine.set(m.entry, [...(byLine.get(m.entry) ?? []), { start: m.start, end: m.end, isCurrent: i === current }]),
    );
    return byLine;
  }, [matches, current]);
  const firstError = useMemo(() => lines.findIndex((l) => l.isError), [lines]);
  const [isFollowing, setFollowing] = useState(true);
  const openedAtError = useRef(false);

  // The app is not compiled with React Compiler, and the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 20,
    // Lines only ever arrive at the end, and one entry of several lines makes several rows: the index is the key.
    getItemKey: (index) => index,
  });

  useLayoutEffect(() => {
    if (firstError >= 0 && !openedAtError.current) {
      openedAtError.current = true;
      setFollowing(false);
      virtualizer.scrollToIndex(firstError, { align: "center" });
      return;
    }
    if (isFollowing && count > 0) virtualizer.scrollToIndex(count - 1, { align: "end" });
  }, [isFollowing, count, firstError, virtualizer]);

  const focus = matches[current]?.entry;
  useEffect(() => {
    if (focus !== undefined) {
      setFollowing(false);
      virtualizer.scrollToIndex(focus, { align: "center" });
    }
  }, [focus, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = virtualizer.getTotalSize() - (el.scrollTop + el.clientHeight) <= BOTTOM_SLACK;
    if (atBottom !== isFollowing) setFollowing(atBottom);
  };

  const copy = async () => {
    await navigator.clipboard.writeText(logLinesAsText(lines));
    setCopied(true);
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search the {label.toLowerCase()}
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setStep(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") setStep((s) => s + (e.shiftKey ? -1 : 1));
          }}
          className="w-48 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        {search && (
          <span role="status" className="text-sm text-slate-600 tabular-nums">
            {matches.length === 0 ? "No matches" : `${current + 1} of ${matches.length}`}
          </span>
        )}
        <button
          type="button"
          className={button}
          disabled={matches.length === 0}
          onClick={() => setStep((s) => s - 1)}
          aria-label="Previous match"
        >
          ↑
        </button>
        <button
          type="button"
          className={button}
          disabled={matches.length === 0}
          onClick={() => setStep((s) => s + 1)}
          aria-label="Next match"
        >
          ↓
        </button>
        <div className="ml-auto flex gap-1">
          <button type="button" className={button} aria-pressed={isFollowing} onClick={() => setFollowing(!isFollowing)}>
            Follow new lines
          </button>
          <button type="button" className={button} onClick={() => void copy()} onBlur={() => setCopied(false)}>
            {copied ? "Copied" : `Copy ${label.toLowerCase()}`}
          </button>
          <button type="button" className={button} onClick={() => downloadFile(fileName, "text/plain", logLinesAsText(lines))}>
            Download {label.toLowerCase()}
          </button>
        </div>
      </div>
      <div
        ref={scrollRef}
        role="log"
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
        className="h-80 overflow-auto rounded-md border border-slate-700 bg-slate-950 font-mono text-xs text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: "100%" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            const ranges = rangesByLine.get(item.index) ?? [];
            return (
              <div
                key={item.key}
                data-line={line.id}
                style={{ position: "absolute", top: 0, left: 0, height: ROW_PX, transform: `translateY(${item.start}px)` }}
                className={`flex w-max min-w-full items-center gap-3 px-2 whitespace-pre ${line.isError ? "bg-red-950 text-red-200" : ""} ${line.isHeader ? "font-semibold text-sky-300" : ""}`}
              >
                <time dateTime={line.time} className="shrink-0 text-slate-400">
                  {new Date(line.time).toLocaleTimeString()}
                </time>
                {showSource && <span className="w-32 shrink-0 truncate text-slate-400">{line.source}</span>}
                {line.isError && <span className="shrink-0 font-semibold">error</span>}
                <span>
                  {line.isHeader ? "▸ " : ""}
                  {highlight([{ text: line.text, className: "" }], ranges).map((segment, i) =>
                    segment.mark ? (
                      <mark
                        key={i}
                        className={segment.mark === "current" ? "bg-orange-300 text-slate-900" : "bg-yellow-200 text-slate-900"}
                      >
                        {segment.text}
                      </mark>
                    ) : (
                      <span key={i}>{segment.text}</span>
                    ),
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
