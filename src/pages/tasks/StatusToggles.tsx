import { TASK_STATUSES, type TaskStatus } from "../../wire/types.ts";
import { STATUS_LOOK } from "../../lib/status.ts";

export type StatusCounts = Record<TaskStatus, number> & { waiting: number; stuck: number };

interface StatusTogglesProps {
  counts: StatusCounts;
  statuses: readonly TaskStatus[];
  waiting: boolean;
  stuck: boolean;
  onToggleStatus: (status: TaskStatus) => void;
  onToggleWaiting: () => void;
  onToggleStuck: () => void;
}

const toggle = (on: boolean) =>
  `inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm ring-1 ring-inset ${on ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-100"}`;

/** One pressed-state button per status, each with its live count; several may be on at once. */
export function StatusToggles({ counts, statuses, waiting, stuck, onToggleStatus, onToggleWaiting, onToggleStuck }: StatusTogglesProps) {
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
      <button type="button" aria-pressed={waiting} className={toggle(waiting)} onClick={onToggleWaiting}>
        <span aria-hidden="true">◆</span> Waiting for input <span className="tabular-nums opacity-80">{counts.waiting}</span>
      </button>
      <button type="button" aria-pressed={stuck} className={toggle(stuck)} onClick={onToggleStuck}>
        <span aria-hidden="true">⚠</span> Stuck <span className="tabular-nums opacity-80">{counts.stuck}</span>
      </button>
      {TASK_STATUSES.map((status) => {
        const on = statuses.includes(status);
        return (
          <button key={status} type="button" aria-pressed={on} className={toggle(on)} onClick={() => onToggleStatus(status)}>
            <span aria-hidden="true">{STATUS_LOOK[status].icon}</span> {STATUS_LOOK[status].label}{" "}
            <span className="tabular-nums opacity-80">{counts[status]}</span>
          </button>
        );
      })}
    </div>
  );
}
