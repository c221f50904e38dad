import { useEffect, useId, useRef } from "react";
import type { Task } from "../../wire/types.ts";

/** Names every task about to be deleted; Escape or Cancel backs out. */
export function ConfirmDeleteDialog({ tasks, onConfirm, onCancel }: { tasks: Task[]; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/50 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl"
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Delete {tasks.length === 1 ? "this task" : `these ${tasks.length} tasks`}?
        </h2>
        <p className="mt-1 text-sm text-slate-600">Their workspaces are deleted too. This cannot be undone.</p>
        <ul className="mt-3 max-h-64 list-disc overflow-y-auto pl-5 text-sm">
          {tasks.map((t) => (
            <li key={t.id}>
              {t.display_name || t.name} <span className="text-slate-500">({t.owner_name})</span>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <button ref={cancelRef} type="button" className="rounded px-3 py-1.5 text-sm ring-1 ring-slate-300" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white" onClick={onConfirm}>
            Delete {tasks.length === 1 ? "task" : `${tasks.length} tasks`}
          </button>
        </div>
      </div>
    </div>
  );
}
