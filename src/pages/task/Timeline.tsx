import { useState } from "react";
import { Panel } from "../../components/Panel.tsx";
import type { Task } from "../../wire/types.ts";
import { stateLabel, statusLook } from "../../lib/status.ts";

interface Change {
  at: number;
  text: string;
}

const describe = (task: Task) =>
  `${statusLook(task.status).label}${task.current_state ? ` · ${stateLabel(task)}${task.current_state.message ? `: ${task.current_state.message}` : ""}` : ""}`;

/** Status and state changes seen while the page is open, newest first. */
export function Timeline({ task, seenAt }: { task: Task; seenAt: number }) {
  const [changes, setChanges] = useState<Change[]>([{ at: seenAt, text: describe(task) }]);
  const text = describe(task);
  if (changes[0]?.text !== text) setChanges([{ at: seenAt, text }, ...changes].slice(0, 100));
  return (
    <Panel title="Timeline">
      <ol className="space-y-1">
        {changes.map((change, i) => (
          <li key={`${change.at}-${i}`} className="flex gap-3">
            <time dateTime={new Date(change.at).toISOString()} className="shrink-0 text-slate-500 tabular-nums">
              {new Date(change.at).toLocaleTimeString()}
            </time>
            <span className="min-w-0">{change.text}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
