import { Panel } from "../../components/Panel.tsx";
import type { AgentLifecycle, Task } from "../../wire/types.ts";

const LIFECYCLE: Record<AgentLifecycle, string> = {
  created: "Created, waiting to connect",
  starting: "Starting",
  start_timeout: "Start timed out",
  start_error: "Start error",
  ready: "Ready",
  shutting_down: "Shutting down",
  shutdown_timeout: "Shutdown timed out",
  shutdown_error: "Shutdown error",
  off: "Off",
};

const WARNINGS: Partial<Record<AgentLifecycle, string>> = {
  start_error:
    "The workspace's startup script failed. The agent may be missing tools or configuration; check the workspace's startup logs.",
  start_timeout: "The workspace's startup script ran longer than the template allows. The agent is connected, but setup may be incomplete.",
};

export function AgentSummary({ task }: { task: Task }) {
  const lifecycle = task.workspace_agent_lifecycle;
  const health = task.workspace_agent_health;
  const warning = lifecycle ? WARNINGS[lifecycle] : undefined;
  return (
    <Panel title="Agent">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Lifecycle</dt>
        <dd>{lifecycle ? (LIFECYCLE[lifecycle] ?? lifecycle) : "No agent (workspace not running)"}</dd>
        <dt className="text-slate-500">Health</dt>
        <dd className="min-w-0">
          {health === null ? "Unknown" : health.healthy ? "✓ Healthy" : `✕ Unhealthy${health.reason ? `: ${health.reason}` : ""}`}
        </dd>
      </dl>
      {warning && (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          ⚠ {warning}
        </p>
      )}
    </Panel>
  );
}
