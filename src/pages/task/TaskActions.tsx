import { useState } from "react";
import { useNavigate } from "react-router";
import type { Task } from "../../wire/types.ts";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { describeError } from "../../lib/errors.ts";
import { pauseResumeFor } from "../../lib/task-actions.ts";
import { taskRef, useDeleteTask, usePauseTask, useResumeTask } from "../../queries/tasks.ts";

const button = "rounded px-3 py-1.5 text-sm font-medium ring-1 ring-inset disabled:cursor-not-allowed disabled:opacity-50";

/** Pause, resume and delete, offered as Coder's own UI offers them; pause and resume only where the server has them. */
export function TaskActions({ task, canPauseResume }: { task: Task; canPauseResume: boolean }) {
  const navigate = useNavigate();
  const pause = usePauseTask();
  const resume = useResumeTask();
  const remove = useDeleteTask();
  const [confirming, setConfirming] = useState(false);
  const ref = taskRef(task);
  const offered = pauseResumeFor(task.status);
  const busy = pause.isPending || resume.isPending || remove.isPending;
  const failure = pause.error ?? resume.error ?? remove.error;

  return (
    <section aria-label="Actions" className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canPauseResume && offered.pause !== "hidden" && (
          <button
            type="button"
            className={`${button} ring-slate-300`}
            disabled={busy || offered.pause === "disabled"}
            title={offered.pause === "disabled" ? "The workspace is still building; pause once it has started." : undefined}
            onClick={() => pause.mutate(ref)}
          >
            {pause.isPending ? "Pausing…" : "Pause"}
          </button>
        )}
        {canPauseResume && offered.resume && (
          <button type="button" className={`${button} ring-slate-300`} disabled={busy} onClick={() => resume.mutate(ref)}>
            {resume.isPending ? "Resuming…" : "Resume"}
          </button>
        )}
        {!confirming ? (
          <button type="button" className={`${button} text-red-700 ring-red-300`} disabled={busy} onClick={() => setConfirming(true)}>
            Delete
          </button>
        ) : (
          <div
            role="group"
            aria-label="Confirm delete"
            className="flex items-center gap-2 rounded border border-red-300 bg-red-50 px-2 py-1 text-sm"
          >
            <span>Delete “{task.display_name || task.name}” and its workspace?</span>
            <button
              type="button"
              className={`${button} bg-red-700 text-white ring-red-700`}
              disabled={busy}
              onClick={() => remove.mutate(ref, { onSuccess: () => navigate("/tasks") })}
            >
              {remove.isPending ? "Deleting…" : "Delete task"}
            </button>
            <button type="button" className={`${button} ring-slate-300`} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        )}
      </div>
      {failure && <ErrorBanner error={describeError(failure)} />}
    </section>
  );
}
