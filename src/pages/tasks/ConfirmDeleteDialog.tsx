import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import type { Task } from "../../wire/types.ts";

/** Names every task about to be deleted; Escape or Cancel backs out. */
export function ConfirmDeleteDialog({ tasks, onConfirm, onCancel }: { tasks: Task[]; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      title={`Delete ${tasks.length === 1 ? "this task" : `these ${tasks.length} tasks`}?`}
      confirmLabel={`Delete ${tasks.length === 1 ? "task" : `${tasks.length} tasks`}`}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className="text-sm text-slate-600">Their workspaces are deleted too. This cannot be undone.</p>
      <ul className="mt-3 max-h-64 list-disc overflow-y-auto pl-5 text-sm">
        {tasks.map((t) => (
          <li key={t.id}>
            {t.display_name || t.name} <span className="text-slate-500">({t.owner_name})</span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
