import type { ReactNode } from "react";
import { Dialog } from "./Dialog.tsx";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes-or-no question before something that cannot be undone; Cancel has the focus, Escape backs out. */
export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel}>
      {children}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="rounded px-3 py-1.5 text-sm ring-1 ring-slate-300" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
