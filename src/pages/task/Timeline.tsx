import { useState } from "react";
import type { Task } from "../../wire/types.ts";
import { STATUS_LOOK, stateLabel } from "../../lib/status.ts";

interface Change {
  at: number;
  text: string;
}

const describe = (task: Task) =>
  `${STATUS_LOOK[task.status].label}${task.current_state ? ` · ${stateLabel(task.status, task.current_state.state)}${task.current_state.message ? `: ${task.current_state.message}` : ""}` : ""}`;

/** Status and state changes seen while the page is open, newest first. */
export function Timeline({ task, seenAt }: { task: Task; seenAt: number }) {
  const [changes, setChanges] = useState<Change[]>([{ at: seenAt, text: describe(task) }]);
  const text = describe(task);
  if (changes[0]?.text !== text) setChanges([{ at: seenAt, text }, ...changes].slice(0, 100));
  return (
    <section aria-labelledby="timeline-heading" className="rounded-md border border-slate-200 bg-white p-4 text-sm">
      <h2 id="timeline-heading" className="mb-2 font-semibold">
        Timeline
      </h2>
      <ol className="space-y-1">
        {changes.map((change, i) => (
          <li key={`${change.at}-${i}`} className="flex gap-3">
            <time dateTime={new Date(change.at).toISOString()} className="shrink-0 text-slate-500 tabular-nums">
              {new Date(change.at).toLocaleTimeString()}
            </time>
            <span>{change.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
