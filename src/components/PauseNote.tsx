import { RelativeTime } from "./RelativeTime.tsx";

/** "Paused itself (idle timeout) · 3 h ago": why and when a task paused, worded alike on every page. */
export function PauseNote({
  note,
  now,
  className = "",
}: {
  note: { words: string; at: string } | undefined;
  now: number;
  className?: string;
}) {
  if (!note) return null;
  return (
    <span className={className}>
      {note.words} · <RelativeTime iso={note.at} now={now} />
    </span>
  );
}
