import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { TaskLogEntry } from "../../wire/types.ts";
import { LogEntryRow, type EntryMarks } from "./LogEntryRow.tsx";

interface LogViewProps {
  entries: TaskLogEntry[];
  marks: ReadonlyMap<number, EntryMarks>;
  /** An entry to bring into view: the current search match, or a permalink's target. */
  focusIndex: number | null;
  targetId: number | null;
}

/** How close to the end counts as "at the bottom", in pixels. */
const BOTTOM_SLACK = 48;

/**
 * The conversation, virtualized: only the entries in view are in the DOM, measured as they render. While
 * the reader is at the bottom it follows new entries; once they scroll up it keeps their place and counts
 * what arrived since.
 */
export function LogView({ entries, marks, focusIndex, targetId }: LogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not compiled with React Compiler, and the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (index) => entries[index]?.id ?? index,
  });
  const [isFollowing, setFollowing] = useState(focusIndex === null);
  const [seen, setSeen] = useState(entries.length);
  const last = entries.length - 1;

  useLayoutEffect(() => {
    if (isFollowing && last >= 0) virtualizer.scrollToIndex(last, { align: "end" });
  }, [isFollowing, last, virtualizer]);

  useEffect(() => {
    if (focusIndex !== null && focusIndex <= last) virtualizer.scrollToIndex(focusIndex, { align: "center" });
  }, [focusIndex, last, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = virtualizer.getTotalSize() - (el.scrollTop + el.clientHeight) <= BOTTOM_SLACK;
    if (atBottom !== isFollowing) {
      setFollowing(atBottom);
      setSeen(entries.length);
    }
  };

  const unseen = isFollowing ? 0 : entries.length - seen;
  return (
    <div className="relative">
      <div
        ref={scrollRef}
        role="log"
        aria-label="Conversation"
        tabIndex={0}
        onScroll={onScroll}
        className="h-[60vh] min-h-64 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
              >
                <LogEntryRow entry={entry} marks={marks.get(entry.id)} isTarget={entry.id === targetId} />
              </div>
            );
          })}
        </div>
      </div>
      {unseen > 0 && (
        <button
          type="button"
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-slate-900 px-4 py-1.5 text-sm text-white shadow-lg"
          onClick={() => {
            setFollowing(true);
            setSeen(entries.length);
          }}
        >
          {unseen} new {unseen === 1 ? "message" : "messages"} ↓
        </button>
      )}
    </div>
  );
}
