import type { Task } from "../wire/types.ts";
import { safeHttpUrl, shortLinkLabel } from "../lib/safe-url.ts";
import { stateLabel } from "../lib/status.ts";
import { agentState } from "../lib/task-phase.ts";
import { RelativeTime } from "./RelativeTime.tsx";

const STATE_ICON = { working: "⟳", idle: "◆", complete: "✓", failed: "✕", unknown: "?" } as const;

/** The agent's latest report. Its uri is untrusted: a link only for http(s), otherwise plain text. */
export function CurrentState({ task, now }: { task: Pick<Task, "status" | "current_state">; now: number }) {
  const state = task.current_state;
  const known = agentState(task);
  if (state === null || known === null) return <p className="text-sm text-slate-500">The agent has not reported yet.</p>;
  const url = state.uri ? safeHttpUrl(state.uri) : null;
  return (
    <div className="space-y-1 text-sm">
      <p>
        <span aria-hidden="true">{STATE_ICON[known]} </span>
        <span className="font-medium">{stateLabel(task)}</span>
        {state.message && <span>: {state.message}</span>}
        <span className="text-slate-500">
          {" "}
          · since <RelativeTime iso={state.timestamp} now={now} />
        </span>
      </p>
      {state.uri &&
        (url ? (
          <a href={url.href} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline">
            {shortLinkLabel(url)}
          </a>
        ) : (
          <p className="font-mono text-xs text-slate-600">{state.uri}</p>
        ))}
    </div>
  );
}
