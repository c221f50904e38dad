import { useLayoutEffect, useState, type RefObject } from "react";

export interface RowRange {
  /** The first row to draw, and one past the last. */
  start: number;
  end: number;
}

/**
 * Which rows of a list of equal-height rows are on screen as the window scrolls, plus `overscan` on each
 * side. Rows have one height, so no measuring is needed: the list's position and the window's size say it.
 */
export function useWindowRows(bodyRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowRange {
  // A first guess that covers the rows a list starting on screen needs, so the first paint needs no second render.
  const [range, setRange] = useState<RowRange>(() => ({
    start: 0,
    end: Math.min(count, Math.ceil(window.innerHeight / rowHeight) + overscan),
  }));
  useLayoutEffect(() => {
    const update = () => {
      const body = bodyRef.current;
      if (!body) return;
      // The spacer above the drawn rows moves with them, so the body's top is where row 0 would be.
      const above = -body.getBoundingClientRect().top;
      const start = Math.max(0, Math.min(count, Math.floor(above / rowHeight) - overscan));
      const end = Math.max(start, Math.min(count, Math.ceil((above + window.innerHeight) / rowHeight) + overscan));
      // Rows already drawn that cover what is needed, with no more than the overscan to spare, are kept.
      setRange((prev) =>
        start >= prev.start && end <= prev.end && prev.end - prev.start - (end - start) <= 2 * overscan && prev.end <= count
          ? prev
          : { start, end },
      );
    };
    update();
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    return () => {
      window.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
    };
  }, [bodyRef, count, rowHeight, overscan]);
  return range;
}
