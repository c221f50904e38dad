import { memo } from "react";
import { Link } from "react-router";
import type { Task } from "../../wire/types.ts";
import { Avatar } from "../../components/Avatar.tsx";
import { PauseNote } from "../../components/PauseNote.tsx";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { TemplateIcon } from "../../components/TemplateIcon.tsx";
import { taskPath } from "../../lib/paths.ts";
import type { PauseNoteText } from "../../queries/pause-reasons.ts";
import { stateLabel } from "../../lib/status.ts";
import type { Stuck } from "../../lib/stuck.ts";
import { durationWords, relativeDuration } from "../../lib/time.ts";

/** Rows have one height so the virtualizer can place them without measuring. */
export const ROW_HEIGHT = 64;

interface TaskRowProps {
  task: Task;
  rowIndex: number;
  now: number;
  organization: string;
  isSelected: boolean;
  onToggle: (id: string) => void;
  pauseReason?: PauseNoteText;
  /** Since when it has waited for a person (ms), when it is waiting for input. */
  waitingSince?: number;
  stuck?: Stuck;
}

export const TaskRow = memo(function TaskRow({
  task,
  rowIndex,
  now,
  organization,
  isSelected,
  onToggle,
  pauseReason,
  waitingSince,
  stuck,
}: TaskRowProps) {
  const title = task.display_name || task.name;
  const state = task.current_state;
  const health = task.workspace_agent_health;
  return (
    <tr aria-rowindex={rowIndex} aria-selected={isSelected} style={{ height: ROW_HEIGHT }} className={isSelected ? "bg-sky-50" : undefined}>
      <td className="px-3">
        <input type="checkbox" aria-label={`Select ${title}`} checked={isSelected} onChange={() => onToggle(task.id)} />
      </td>
      <td className="truncate px-3">
        <Link to={taskPath(task)} data-row-link className="block truncate font-medium text-sky-800 hover:underline" title={title}>
          {title}
        </Link>
        <div className="flex items-center gap-1 truncate text-xs text-slate-500">
          <span className="truncate font-mono">{task.name}</span>
          <span aria-hidden="true">·</span>
          <TemplateIcon icon={task.template_icon} size={12} />
          <span className="truncate">{task.template_display_name || task.template_name}</span>
        </div>
      </td>
      <td className="truncate px-3">
        <StatusBadge status={task.status} />
        <PauseNote note={pauseReason} now={now} className="ml-1.5 text-xs text-slate-600" />
        {stuck && (
          <span className="ml-1.5 text-xs font-semibold text-amber-900" title={stuck.reason}>
            ⚠ Stuck: {stuck.reason}
          </span>
        )}
        {state && (
          <div className="truncate text-xs text-slate-600" title={state.message}>
            {waitingSince !== undefined && (
              <span className="font-semibold text-amber-900">waiting {durationWords(now - waitingSince)} · </span>
            )}
            {stateLabel(task)}
            {state.message && `: ${state.message}`}
            {waitingSince === undefined && <span className="text-slate-500"> · for {relativeDuration(state.timestamp, now)}</span>}
          </div>
        )}
      </td>
      <td className="truncate px-3 text-xs">
        {health === null ? (
          <span className="text-slate-500">—</span>
        ) : health.healthy ? (
          <span className="text-green-800">✓ Healthy</span>
        ) : (
          <span className="text-red-800" title={health.reason}>
            ✕ Unhealthy{health.reason && <span className="block truncate">{health.reason}</span>}
          </span>
        )}
      </td>
      <td className="truncate px-3">
        <span className="flex items-center gap-1.5 truncate">
          <Avatar name={task.owner_name} url={task.owner_avatar_url} />
          <span className="truncate">{task.owner_name}</span>
        </span>
      </td>
      <td className="truncate px-3 text-slate-600">{organization}</td>
      <td className="truncate px-3 text-slate-600">
        <RelativeTime iso={task.created_at} now={now} />
      </td>
      <td className="truncate px-3 text-slate-600">
        <RelativeTime iso={task.updated_at} now={now} />
      </td>
    </tr>
  );
});
