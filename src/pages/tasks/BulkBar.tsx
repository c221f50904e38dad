import type { Task } from "../../wire/types.ts";
import { pauseResumeFor } from "../../lib/task-actions.ts";
import type { BulkAction } from "../../queries/tasks.ts";

interface BulkBarProps {
  selected: Task[];
  canPauseResume: boolean;
  isBusy: boolean;
  onAction: (action: BulkAction, tasks: Task[]) => void;
  onClear: () => void;
}

const button = "rounded px-3 py-1 text-sm font-medium ring-1 ring-inset disabled:opacity-50";

/** What can be done to the selection: each action only for the selected tasks whose status allows it. */
export function BulkBar({ selected, canPauseResume, isBusy, onAction, onClear }: BulkBarProps) {
  if (selected.length === 0) return null;
  const pausable = selected.filter((t) => pauseResumeFor(t.status).pause === "enabled");
  const resumable = selected.filter((t) => pauseResumeFor(t.status).resume);
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
      <button
        type="button"
        className={`${button} bg-red-700 ring-red-700 hover:bg-red-800`}
        disabled={isBusy}
        onClick={() => onAction("delete", selected)}
      >
        Delete {selected.length}
      </button>
      <button type="button" className={`${button} ml-auto ring-slate-500 hover:bg-slate-700`} onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
