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
import { isWaitingForInput, taskActions } from "../../lib/task-phase.ts";
import { durationWords, relativeDuration } from "../../lib/time.ts";
import type { ReplyProgress } from "./ReplySession.tsx";

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
  /** What a reply sent from the list is doing. */
  reply?: ReplyProgress;
  canPauseResume: boolean;
  onReply: (id: string) => void;
}

/** A task that waits for a person, or a paused one that a reply would resume, gets a Reply button. */
function offersReply(task: Task, canPauseResume: boolean): boolean {
  const send = taskActions(task, { pauseResume: canPauseResume }).send;
  return (send === "now" && isWaitingForInput(task)) || send === "resume-first";
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
  reply,
  canPauseResume,
  onReply,
}: TaskRowProps) {
  const title = task.display_name || task.name;
  const state = task.current_state;
  const health = task.workspace_agent_health;
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={isSelected}
      data-task-id={task.id}
      style={{ height: ROW_HEIGHT }}
      className={isSelected ? "bg-sky-50" : undefined}
    >
      <td className="px-3">
        <input type="checkbox" aria-label={`Select ${title}`} checked={isSelected} onChange={() => onToggle(task.id)} />
      </td>
      <td className="truncate px-3">
        <div className="flex items-center gap-2">
          <Link to={taskPath(task)} data-row-link className="truncate font-medium text-sky-800 hover:underline" title={title}>
            {title}
          </Link>
          {offersReply(task, canPauseResume) && (
            <button
              type="button"
              aria-label={`Reply to ${title}`}
              className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-100"
              onClick={() => onReply(task.id)}
            >
              Reply
            </button>
          )}
        </div>
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
        {reply && <div className="truncate text-xs font-medium text-sky-900">{reply.text}</div>}
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
