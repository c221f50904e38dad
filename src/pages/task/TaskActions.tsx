import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { describeError } from "../../lib/errors.ts";
import type { Action, TaskActions as Allowed } from "../../lib/task-phase.ts";
import { taskRef, useDeleteTask, usePauseTask, useResumeTask } from "../../queries/tasks.ts";
import type { Task } from "../../wire/types.ts";

const button = "rounded px-3 py-1.5 text-sm font-medium ring-1 ring-inset disabled:cursor-not-allowed disabled:opacity-50";

/** Pause, resume and delete, each offered and enabled as Coder accepts it for the task's status. */
export function TaskActions({ task, actions }: { task: Task; actions: Allowed }) {
  const navigate = useNavigate();
  const pause = usePauseTask();
  const resume = useResumeTask();
  const remove = useDeleteTask();
  const [isConfirming, setConfirming] = useState(false);
  const ref = taskRef(task);
  const busy = pause.isPending || resume.isPending || remove.isPending;
  const failure = pause.error ?? resume.error ?? remove.error;
  const reasons = [actions.pause, actions.resume, actions.remove]
    .map((a) => a.blockedBy)
    .filter((r, i, all): r is string => r !== null && all.indexOf(r) === i);

  return (
    <section aria-label="Actions" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <ActionButton action={actions.pause} busy={busy} label={pause.isPending ? "Pausing…" : "Pause"} onClick={() => pause.mutate(ref)} />
        <ActionButton
          action={actions.resume}
          busy={busy}
          label={resume.isPending ? "Resuming…" : "Resume"}
          onClick={() => resume.mutate(ref)}
        />
        <ActionButton
          action={actions.remove}
          busy={busy}
          label={remove.isPending ? "Deleting…" : "Delete"}
          danger
          onClick={() => setConfirming(true)}
        />
        {reasons.map((reason) => (
          <span key={reason} className="text-xs text-slate-600">
            {reason}
          </span>
        ))}
      </div>
      {isConfirming && (
        <ConfirmDialog
          title={`Delete “${task.display_name || task.name}”?`}
          confirmLabel="Delete task"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            // The task leaves every cached list and detail when Coder accepts, so the list never draws it.
            remove.mutate(ref, { onSuccess: () => navigate("/tasks", { replace: true }) });
          }}
        >
          <p className="text-sm text-slate-600">Its workspace is deleted too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {failure && <ErrorBanner error={describeError(failure)} />}
    </section>
  );
}

function ActionButton({
  action,
  busy,
  label,
  danger,
  onClick,
}: {
  action: Action;
  busy: boolean;
  label: string;
  danger?: boolean;
  onClick: () => void;
}) {
  if (!action.offered) return null;
  return (
    <button
      type="button"
      className={`${button} ${danger ? "text-red-700 ring-red-300" : "ring-slate-300"}`}
      disabled={busy || action.blockedBy !== null}
      title={action.blockedBy ?? undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
