import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import { useWindowSize } from "../../components/use-window-size.ts";

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface BarChartProps {
  /** What the chart shows, for assistive technology (its table carries the numbers). */
  label: string;
  /** What the bars stand for ("Day", "Owner"), and each bar's name. */
  categoryLabel: string;
  categories: string[];
  series: Series[];
  /** Stacked (parts of one whole) or side by side (two measures of one thing). */
  stacked: boolean;
  /** How a value reads on the axis and in the legend. */
  format: (value: number) => string;
  /** Whole numbers (counts): the axis never steps by a fraction. */
  whole?: boolean;
  height?: number;
}

const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/** uPlot and its stylesheet arrive with the first chart, in a chunk of their own. */
const loadUplot = () => Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([module]) => module.default);

/** Stacked bars are drawn as running totals, tallest first, so each part shows above the one before. */
function plotted(series: Series[], stacked: boolean): (number | null)[][] {
  if (!stacked) return series.map((s) => s.values);
  const totals = series[0]?.values.map(() => 0) ?? [];
  return series.map((s) => s.values.map((v, i) => (totals[i] = (totals[i] ?? 0) + (v ?? 0)))).reverse();
}

/**
 * A bar chart on uPlot's canvas: fast for 30 bars or 30,000. The legend under it gives the values of the bar
 * under the pointer, and the table beside it gives them all.
 */
export function BarChart({ label, categoryLabel, categories, series, stacked, format, whole = false, height = 220 }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width: windowWidth } = useWindowSize();
  useEffect(() => {
    const target = box.current;
    // Without a 2D canvas (an old browser, or a test DOM) the table alone carries the numbers.
    if (!target || typeof CanvasRenderingContext2D === "undefined") return;
    let chart: uPlot | null = null;
    let cancelled = false;
    void loadUplot().then((UPlot) => {
      if (cancelled) return;
      const width = Math.max(280, target.clientWidth);
      // Axes in the page's own text colour, so they read in the dark theme as in the light one.
      const ink = getComputedStyle(target).color;
      const grid = { stroke: "rgba(127, 127, 127, 0.2)", width: 1 };
      const drawn = stacked ? [...series].reverse() : series;
      const n = categories.length;
      const every = Math.max(1, Math.ceil((n * 48) / width));
      const bars = (align: -1 | 0 | 1) => UPlot.paths.bars?.({ size: [stacked || series.length === 1 ? 0.7 : 0.35, 48], align });
      chart = new UPlot(
        {
          width,
          height,
          scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
          axes: [
            {
              stroke: ink,
              grid,
              ticks: grid,
              splits: () => categories.map((_c, i) => i).filter((i) => i % every === 0),
              values: (_u, splits) => splits.map((i) => categories[i] ?? ""),
            },
            {
              stroke: ink,
              grid,
              ticks: grid,
              ...(whole ? { incrs: WHOLE_STEPS } : {}),
              values: (_u, splits) => splits.map((v) => format(v)),
              size: 60,
            },
          ],
          legend: { live: true },
          cursor: { drag: { x: false, y: false }, points: { show: false } },
          series: [
            { label: categoryLabel, value: (_u, i) => (i === null ? "–" : (categories[i] ?? "")) },
            ...drawn.map((s, k) => ({
              label: s.label,
              fill: s.color,
              stroke: s.color,
              width: 0,
              points: { show: false },
              paths: bars(stacked || drawn.length === 1 ? 0 : k === 0 ? -1 : 1),
              // The legend gives each part's own value, not the running total drawn.
              value: (_u: uPlot, _v: number | null, _si: number, i: number | null) => {
                const raw = i === null ? null : s.values[i];
                return raw === null || raw === undefined ? "–" : format(raw);
              },
            })),
          ],
        },
        [categories.map((_c, i) => i), ...plotted(series, stacked)],
        target,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [categoryLabel, categories, series, stacked, format, whole, height, windowWidth]);
  return <div ref={box} role="img" aria-label={`${label}: a chart; the table gives its numbers`} className="min-h-[220px] w-full" />;
}
