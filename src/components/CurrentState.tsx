import type { TaskStateEntry, TaskStatus } from "../wire/types.ts";
import { safeHttpUrl, shortLinkLabel } from "../lib/safe-url.ts";
import { stateLabel } from "../lib/status.ts";
import { RelativeTime } from "./RelativeTime.tsx";

const STATE_ICON = { working: "⟳", idle: "◆", complete: "✓", failed: "✕" } as const;

/** The agent's latest report. Its uri is untrusted: a link only for http(s), otherwise plain text. */
export function CurrentState({ status, state, now }: { status: TaskStatus; state: TaskStateEntry | null; now: number }) {
  if (state === null) return <p className="text-sm text-slate-500">The agent has not reported yet.</p>;
  const url = state.uri ? safeHttpUrl(state.uri) : null;
  return (
    <div className="space-y-1 text-sm">
      <p>
        <span aria-hidden="true">{STATE_ICON[state.state] ?? "•"} </span>
        <span className="font-medium">{stateLabel(status, state.state)}</span>
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
          <p className="break-all font-mono text-xs text-slate-600">{state.uri}</p>
        ))}
    </div>
  );
}
