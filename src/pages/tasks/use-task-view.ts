import { useDeferredValue, useMemo } from "react";
import { TASK_STATUSES, type Task } from "../../wire/types.ts";
import { matchesStatus, searchText, sortTasks, type TaskFilters } from "../../lib/task-filters.ts";
import type { StuckIds } from "../../lib/stuck.ts";
import { isWaitingForInput } from "../../lib/task-phase.ts";
import type { StatusCounts } from "./StatusToggles.tsx";

export interface TaskView {
  rows: Task[];
  /** Per status over the tasks that match the search, so a toggle's count is what turning it on shows. */
  counts: StatusCounts;
  /** Over every task in the list, for the tab title. */
  waitingTotal: number;
}

const EMPTY: Task[] = [];

/** Search, status and sort over the one list the server sent; each step is memoized on what it reads. */
export function useTaskView(
  tasks: Task[] | undefined,
  filters: TaskFilters,
  search: string,
  waitingSince: ReadonlyMap<string, number>,
  stuck: StuckIds,
): TaskView {
  const all = tasks ?? EMPTY;
  // The text search matches is prepared in a render of its own after the list is on screen, not before.
  const prepared = useDeferredValue(all, EMPTY);
  const haystacks = useMemo(() => prepared.map(searchText), [prepared]);
  const needle = search.trim().toLowerCase();
  const searched = useMemo(() => {
    if (!needle) return all;
    const texts = prepared === all ? haystacks : all.map(searchText);
    return all.filter((_, i) => texts[i]?.includes(needle));
  }, [all, prepared, haystacks, needle]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as StatusCounts;
    c.waiting = 0;
    c.stuck = 0;
    for (const task of searched) {
      c[task.status]++;
      if (isWaitingForInput(task)) c.waiting++;
      if (stuck.has(task.id)) c.stuck++;
    }
    return c;
  }, [searched, stuck]);
  const { statuses, waiting, sort, direction } = filters;
  const onlyStuck = filters.stuck;
  const rows = useMemo(
    () =>
      sortTasks(
        searched.filter((t) => matchesStatus(t, { statuses, waiting, stuck: onlyStuck }, stuck)),
        sort,
        direction,
        waitingSince,
      ),
    [searched, statuses, waiting, onlyStuck, stuck, sort, direction, waitingSince],
  );
  const waitingTotal = useMemo(() => all.reduce((n, t) => n + (isWaitingForInput(t) ? 1 : 0), 0), [all]);
  return { rows, counts, waitingTotal };
}
