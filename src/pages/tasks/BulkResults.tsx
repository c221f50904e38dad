import { describeError } from "../../lib/errors.ts";
import type { BulkAction, BulkOutcome } from "../../queries/tasks.ts";

const DONE: Record<BulkAction, string> = { pause: "Paused", resume: "Resumed", delete: "Deleted" };

/** The answer for each task of a bulk action, with the server's reason for each refusal. */
export function BulkResults({ action, outcomes, onDismiss }: { action: BulkAction; outcomes: BulkOutcome[]; onDismiss: () => void }) {
  const failed = outcomes.filter((o) => o.error !== null);
  return (
    <section
      aria-label="Results"
      className={`rounded-md border p-3 text-sm ${failed.length > 0 ? "border-amber-300 bg-amber-50" : "border-green-300 bg-green-50"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <p role="status" className="font-semibold">
          {DONE[action]} {outcomes.length - failed.length} of {outcomes.length} {outcomes.length === 1 ? "task" : "tasks"}.
          {failed.length > 0 && ` ${failed.length} failed.`}
        </p>
        <button type="button" className="rounded px-2 py-0.5 ring-1 ring-slate-300" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ul className="mt-2 space-y-1">
        {outcomes.map(({ task, error }) => {
          const name = task.display_name || task.name;
          if (error === null) {
            return (
              <li key={task.id}>
                <span aria-hidden="true">✓</span> {name}
              </li>
            );
          }
          const why = describeError(error);
          return (
            <li key={task.id} className="text-red-900">
              <span aria-hidden="true">✕</span> {name}: {why.message}
              {why.detail && why.detail !== why.message && <span className="text-red-800"> ({why.detail})</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
