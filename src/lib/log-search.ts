import type { Segment } from "./ansi.ts";

export interface Match {
  /** Index of the entry in the list being searched. */
  entry: number;
  start: number;
  end: number;
}

/** Every case-insensitive occurrence of `query` in `texts`, in order. */
export function findMatches(texts: readonly string[], query: string, limit = 10_000): Match[] {
  const needle = query.toLowerCase();
  if (!needle) return [];
  const matches: Match[] = [];
  for (let entry = 0; entry < texts.length && matches.length < limit; entry++) {
    const haystack = (texts[entry] ?? "").toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1 && matches.length < limit; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ entry, start: at, end: at + needle.length });
    }
  }
  return matches;
}

export interface HighlightedSegment extends Segment {
  /** null: not a match; otherwise whether it is the current match. */
  mark: null | "match" | "current";
}

/** Splits styled segments at match boundaries (offsets are in the plain text) so matches can be marked. */
export function highlight(
  segments: readonly Segment[],
  ranges: readonly { start: number; end: number; isCurrent: boolean }[],
): HighlightedSegment[] {
  if (ranges.length === 0) return segments.map((s) => ({ ...s, mark: null }));
  const out: HighlightedSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const segEnd = offset + segment.text.length;
    let cursor = offset;
    for (const range of ranges) {
      if (range.end <= cursor || range.start >= segEnd) continue;
      const from = Math.max(range.start, cursor);
      const to = Math.min(range.end, segEnd);
      if (from > cursor) out.push({ ...segment, text: segment.text.slice(cursor - offset, from - offset), mark: null });
      out.push({ ...segment, text: segment.text.slice(from - offset, to - offset), mark: range.isCurrent ? "current" : "match" });
      cursor = to;
    }
    if (cursor < segEnd) out.push({ ...segment, text: segment.text.slice(cursor - offset), mark: null });
    offset = segEnd;
  }
  return out;
}
