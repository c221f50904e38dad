import { memo, useMemo, useRef, type KeyboardEvent } from "react";
import type { Stuck } from "../../lib/stuck.ts";
import type { Task } from "../../wire/types.ts";
import { usePauseReasons } from "../../queries/pause-reasons.ts";
import type { ReplyProgress } from "./ReplySession.tsx";
import { TaskRow, ROW_HEIGHT } from "./TaskRow.tsx";
import { useWindowRows } from "./use-window-rows.ts";

interface TaskTableProps {
  tasks: Task[];
  now: number;
  organizations: ReadonlyMap<string, string>;
  /** Since when each task waiting for input has waited (ms), by task id. */
  waits: ReadonlyMap<string, number>;
  /** Why each stuck task is stuck, by task id. */
  stuck: ReadonlyMap<string, Stuck>;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  replies: ReadonlyMap<string, ReplyProgress>;
  canPauseResume: boolean;
  /** Keys on a focused row: r replies, p pauses, o opens (j and k move, app-wide). */
  onRowKey: (key: "r" | "p", task: Task) => void;
  onReply: (id: string) => void;
}

const ROW_KEYS = new Set(["r", "p", "o"]);

const COLUMNS = 8;

/**
 * Virtualized against the window: only the rows on screen (plus a few) are in the DOM, with spacer rows
 * above and below so that it stays a real table for assistive technology (aria-rowcount and -rowindex).
 */
export const TaskTable = memo(function TaskTable({
  tasks,
  now,
  organizations,
  waits,
  stuck,
  selected,
  onToggle,
  onToggleAll,
  replies,
  canPauseResume,
  onRowKey,
  onReply,
}: TaskTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { start, end } = useWindowRows(bodyRef, tasks.length, ROW_HEIGHT, 8);
  const before = start * ROW_HEIGHT;
  const after = (tasks.length - end) * ROW_HEIGHT;
  const shown = useMemo(() => tasks.slice(start, end), [tasks, start, end]);
  const pauseReasons = usePauseReasons(shown);
  const selectedCount = tasks.reduce((n, t) => n + (selected.has(t.id) ? 1 : 0), 0);
  const allSelected = tasks.length > 0 && selectedCount === tasks.length;
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !ROW_KEYS.has(e.key)) return;
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>("tr[data-task-id]");
    const task = tasks.find((t) => t.id === row?.dataset.taskId);
    if (!row || !task) return;
    e.preventDefault();
    if (e.key === "o") row.querySelector<HTMLAnchorElement>("a[data-row-link]")?.click();
    else onRowKey(e.key as "r" | "p", task);
  };

  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full min-w-[60rem] table-fixed text-left text-sm" aria-rowcount={tasks.length + 1}>
        <caption className="sr-only">Tasks, {tasks.length} shown</caption>
        <colgroup>
          <col className="w-10" />
          <col className="w-[28%]" />
          <col className="w-[26%]" />
          <col className="w-[10%]" />
          <col className="w-[10%]" />
          <col className="w-[10%]" />
          <col className="w-[8%]" />
          <col className="w-[8%]" />
        </colgroup>
        <thead className="bg-slate-50 text-slate-600">
          <tr aria-rowindex={1}>
            <th scope="col" className="px-3 py-2">
              <input
                type="checkbox"
                aria-label={`Select all ${tasks.length} shown tasks`}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = selectedCount > 0 && !allSelected;
                }}
                onChange={onToggleAll}
              />
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Task
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Agent
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Owner
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Organization
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Created
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Updated
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef} className="divide-y divide-slate-100" onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {shown.map((task, i) => {
            return (
              <TaskRow
                key={task.id}
                task={task}
                rowIndex={start + i + 2}
                now={now}
                organization={organizations.get(task.organization_id) ?? ""}
                isSelected={selected.has(task.id)}
                pauseReason={pauseReasons.get(task.id)}
                waitingSince={waits.get(task.id)}
                stuck={stuck.get(task.id)}
                onToggle={onToggle}
                reply={replies.get(task.id)}
                canPauseResume={canPauseResume}
                onReply={onReply}
              />
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});
