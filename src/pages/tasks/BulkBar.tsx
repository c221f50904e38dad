import type { Task } from "../../wire/types.ts";
import { taskActions, type Action } from "../../lib/task-phase.ts";
import type { BulkAction } from "../../queries/tasks.ts";

interface BulkBarProps {
  selected: Task[];
  canPauseResume: boolean;
  isBusy: boolean;
  onAction: (action: BulkAction, tasks: Task[]) => void;
  onClear: () => void;
}

const button = "rounded px-3 py-1 text-sm font-medium ring-1 ring-inset disabled:opacity-50";

/** What can be done to the selection: each action only for the selected tasks Coder would accept it for. */
export function BulkBar({ selected, canPauseResume, isBusy, onAction, onClear }: BulkBarProps) {
  if (selected.length === 0) return null;
  const can = (pick: (a: ReturnType<typeof taskActions>) => Action) => (t: Task) => {
    const action = pick(taskActions(t, { pauseResume: canPauseResume }));
    return action.offered && action.blockedBy === null;
  };
  const pausable = selected.filter(can((a) => a.pause));
  const resumable = selected.filter(can((a) => a.resume));
  const deletable = selected.filter(can((a) => a.remove));
  return (
    <div
      role="toolbar"
      aria-label="Selected tasks"
      className="flex flex-wrap items-center gap-2 rounded-md bg-slate-900 px-3 py-2 text-white"
    >
      <span className="text-sm">{selected.length} selected</span>
      {canPauseResume && pausable.length > 0 && (
        <button
          type="button"
          className={`${button} ring-slate-500 hover:bg-slate-700`}
          disabled={isBusy}
          onClick={() => onAction("pause", pausable)}
        >
          Pause {pausable.length}
        </button>
      )}
      {canPauseResume && resumable.length > 0 && (
        <button
          type="button"
          className={`${button} ring-slate-500 hover:bg-slate-700`}
          disabled={isBusy}
          onClick={() => onAction("resume", resumable)}
        >
          Resume {resumable.length}
        </button>
      )}
      {deletable.length > 0 && (
        <button
          type="button"
          className={`${button} bg-red-700 ring-red-700 hover:bg-red-800`}
          disabled={isBusy}
          onClick={() => onAction("delete", deletable)}
        >
          Delete {deletable.length}
        </button>
      )}
      {deletable.length < selected.length && (
        <span className="text-sm text-slate-300">
          {selected.length - deletable.length} with a build running: wait until it ends to act on them
        </span>
      )}
      <button type="button" className={`${button} ml-auto ring-slate-500 hover:bg-slate-700`} onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
