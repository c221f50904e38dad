import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import type { Task } from "../../wire/types.ts";
import { useNow } from "../../components/use-now.ts";
import { useWakeLock } from "../../components/use-wake-lock.ts";
import { useWindowSize } from "../../components/use-window-size.ts";
import { TasksUnavailable } from "../../components/TasksUnavailable.tsx";
import { describeError, isRouteNotFound, isUnauthorized } from "../../lib/errors.ts";
import { buildInfoQuery } from "../../queries/auth.ts";
import { serverQuery } from "../../lib/task-filters.ts";
import { groupForWall, parseWallConfig, wallFigures, type WallFigures } from "../../lib/wall-groups.ts";
import { durationWords } from "../../lib/time.ts";
import { useStuck } from "../../queries/stuck.ts";
import { useWaitingSince } from "../../queries/waiting.ts";
import { planWall } from "../../lib/wall-layout.ts";
import { usePauseReasons } from "../../queries/pause-reasons.ts";
import { taskListQuery } from "../../queries/tasks.ts";
import { WallTile } from "./WallTile.tsx";

const POLL_MS = 10_000;
/** "14:05": a wall is read at a glance, so a 24-hour clock without seconds. */
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const HEADER = 96;

/** What makes a tile "changed": its status, the agent's state and its message. */
const signature = (t: Task) => `${t.status}|${t.current_state?.state ?? ""}|${t.current_state?.message ?? ""}`;

/**
 * A screen for a team room: dark, readable from afar, no navigation, everything configured by its URL.
 * It never blanks: on errors it keeps the last data and says since when it is stale, and it keeps polling.
 */
export function WallPage() {
  const [params] = useSearchParams();
  const headingId = useId();
  const config = useMemo(() => parseWallConfig(params), [params]);
  const now = useNow(15_000);
  const { width, height } = useWindowSize();
  useWakeLock();
  const buildInfo = useQuery(buildInfoQuery());
  const list = useQuery({ ...taskListQuery(serverQuery(config)), refetchInterval: POLL_MS });
  const changed = useChangedIds(list.data?.tasks);

  const tasks = useMemo(
    () => (list.data?.tasks ?? []).filter((t) => config.statuses.length === 0 || config.statuses.includes(t.status)),
    [list.data, config.statuses],
  );
  const waits = useWaitingSince(tasks);
  const stuck = useStuck(tasks, config.stuck, now);
  const grouped = useMemo(() => groupForWall(tasks, waits, stuck), [tasks, waits, stuck]);
  const plan = planWall(
    grouped.map((g) => ({ group: g.id, count: g.tasks.length })),
    width - 32,
    height - HEADER - 24,
  );
  const shown = useMemo(
    () => plan.columns.flatMap((column) => grouped.find((g) => g.id === column.group)?.tasks.slice(0, column.visible) ?? []),
    [plan.columns, grouped],
  );
  const pauseReasons = usePauseReasons(shown);

  if (list.isError && !list.data && isUnauthorized(list.error)) {
    return <Navigate to={`/login?next=${encodeURIComponent(`/wall?${params.toString()}`)}`} replace />;
  }
  if (list.isError && !list.data && isRouteNotFound(list.error)) {
    return (
      <main className="min-h-screen bg-slate-50 p-8 text-slate-900">
        <TasksUnavailable version={buildInfo.data?.version} />
      </main>
    );
  }
  const staleSince = CLOCK.format(list.dataUpdatedAt);
  return (
    // Positioned, so that what is hidden for screen readers (sr-only, absolutely placed) is clipped with the rest.
    <main className="relative h-screen overflow-hidden bg-slate-950 px-4 pt-3 text-slate-100">
      <header className="flex items-center justify-between gap-4" style={{ height: HEADER - 12 }}>
        <h1 className="sr-only">Tasks</h1>
        {list.data && <Figures figures={wallFigures(grouped, tasks, waits, now)} />}
        {list.isError && list.data ? (
          <p role="status" className="text-lg text-amber-300">
            ⚠ Stale since {staleSince}: {describeError(list.error).message}
          </p>
        ) : list.isError ? (
          <p role="alert" className="text-lg text-red-300">
            {describeError(list.error).message}{" "}
            <Link to="/tasks" className="underline">
              Open the dashboard
            </Link>
          </p>
        ) : !list.data ? (
          <p role="status" className="text-slate-400">
            Loading…
          </p>
        ) : (
          <p className="shrink-0 whitespace-nowrap text-slate-400">{tasks.length} tasks</p>
        )}
      </header>
      {list.data && tasks.length === 0 && <p className="mt-12 text-center text-2xl text-slate-400">No tasks to show.</p>}
      <div className="flex" style={{ gap: plan.gap * 2 }}>
        {plan.columns.map((column) => {
          const group = grouped.find((g) => g.id === column.group);
          if (!group) return null;
          return (
            <section key={group.id} aria-labelledby={`${headingId}-${group.id}`} style={{ width: column.width }} className="shrink-0">
              <h2 id={`${headingId}-${group.id}`} className="mb-2 truncate text-xl font-semibold">
                {group.title} <span className="text-slate-400">({group.tasks.length})</span>
              </h2>
              <ul className="grid" style={{ gap: plan.gap, gridTemplateColumns: `repeat(auto-fill, minmax(${plan.tileWidth}px, 1fr))` }}>
                {group.tasks.slice(0, column.visible).map((task) => (
                  <WallTile
                    key={`${task.id}:${signature(task)}`}
                    task={task}
                    size={plan.size}
                    height={plan.tileHeight}
                    now={now}
                    isPrivate={config.isPrivate}
                    hasChanged={changed.has(task.id)}
                    stuck={stuck.get(task.id)}
                    pauseReason={pauseReasons.get(task.id)}
                    waitingSince={waits.get(task.id)}
                  />
                ))}
                {column.hidden > 0 && (
                  <li
                    style={{ height: plan.tileHeight }}
                    className="flex items-center justify-center rounded-md bg-slate-700 text-sm font-semibold"
                  >
                    +{column.hidden} {group.noun}
                  </li>
                )}
              </ul>
            </section>
          );
        })}
      </div>
    </main>
  );
}

/** Ids whose status, state or message differ from the previous refresh; tiles remount and flash once. */
function useChangedIds(tasks: Task[] | undefined): ReadonlySet<string> {
  const [previous, setPrevious] = useState<{ tasks: Task[] | undefined; signatures: Map<string, string> | null }>({
    tasks: undefined,
    signatures: null,
  });
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  if (tasks !== previous.tasks) {
    const signatures = new Map((tasks ?? []).map((t) => [t.id, signature(t)]));
    const before = previous.signatures;
    setChanged(before === null ? new Set() : new Set([...signatures].filter(([id, sig]) => before.get(id) !== sig).map(([id]) => id)));
    setPrevious({ tasks, signatures });
  }
  return changed;
}

/** Big numbers, readable across a room; each is a term and its value for a screen reader. */
function Figures({ figures }: { figures: WallFigures }) {
  const items: [string, string, string][] = [
    ["Needs you", String(figures.needsYou), "text-amber-300"],
    ["Longest wait", figures.longestWaitMs === null ? "—" : durationWords(figures.longestWaitMs), "text-amber-300"],
    ["Stuck", String(figures.stuck), figures.stuck > 0 ? "text-amber-300" : ""],
    ["Working", String(figures.working), ""],
    ["Starting", String(figures.starting), ""],
    ["Failed today", String(figures.failedToday), figures.failedToday > 0 ? "text-red-300" : ""],
    ["Done today", String(figures.doneToday), "text-green-300"],
  ];
  return (
    // On a narrow screen the figures that do not fit wrap out of sight rather than overlap.
    <dl aria-label="At a glance" className="flex h-full min-w-0 flex-wrap gap-x-8 overflow-hidden">
      {items.map(([label, value, tone]) => (
        <div key={label} className="h-full">
          <dt className="text-sm whitespace-nowrap text-slate-400 uppercase">{label}</dt>
          <dd className={`text-4xl font-bold whitespace-nowrap tabular-nums ${tone}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
