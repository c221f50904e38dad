import type { Task } from "../../wire/types.ts";
import { Avatar } from "../../components/Avatar.tsx";
import { PauseNote } from "../../components/PauseNote.tsx";
import type { Stuck } from "../../lib/stuck.ts";
import type { PauseNoteText } from "../../queries/pause-reasons.ts";
import { stateLabel, statusLook } from "../../lib/status.ts";
import { durationWords, relativeDuration } from "../../lib/time.ts";
import type { TileSize } from "../../lib/wall-layout.ts";

interface WallTileProps {
  task: Task;
  size: TileSize;
  height: number;
  now: number;
  isPrivate: boolean;
  hasChanged: boolean;
  stuck?: Stuck;
  pauseReason?: PauseNoteText;
  /** Since when it has waited for a person (ms), when it is waiting for input. */
  waitingSince?: number;
}

/** One task on the wall; what it shows shrinks with the tile, but status always has words or a labelled icon. */
export function WallTile({ task, size, height, now, isPrivate, hasChanged, stuck, pauseReason, waitingSince }: WallTileProps) {
  const look = statusLook(task.status);
  const state = task.current_state;
  const since = relativeDuration(state?.timestamp ?? task.updated_at, now);
  const title = task.display_name || task.name;
  const isTiny = size === "xs" || size === "xxs";
  const waited = waitingSince === undefined ? null : `waiting ${durationWords(now - waitingSince)}`;
  const ring = stuck ? "ring-2 ring-amber-400" : "";
  const flash = hasChanged ? "wall-flash" : "";
  const status = (
    <span className="shrink-0 rounded bg-slate-700 px-1.5 text-xs whitespace-nowrap">
      <span aria-hidden="true">{look.icon}</span> {isTiny ? <span className="sr-only">{look.label}</span> : look.label}
    </span>
  );
  return (
    <li style={{ height }} className={`overflow-hidden rounded-md bg-slate-800 ${isTiny ? "px-1 text-xs" : "px-2 py-1"} ${ring} ${flash}`}>
      <div className="flex items-center justify-between gap-2">
        <span className={`truncate font-medium ${size === "l" ? "text-lg" : isTiny ? "" : "text-sm"}`} title={title}>
          {title}
          {hasChanged && <span className="sr-only"> (changed)</span>}
        </span>
        {status}
      </div>
      {isTiny && waited !== null && <p className="font-bold whitespace-nowrap text-amber-300 tabular-nums">{waited}</p>}
      {!isTiny && (
        <p className="flex items-center gap-1.5 truncate text-xs text-slate-300">
          <Avatar name={task.owner_name} url={task.owner_avatar_url} size={16} />
          <span className="truncate">{task.owner_name}</span>
          <span aria-hidden="true">·</span>
          {waited !== null ? (
            // Read across a room: how long a person has kept this agent waiting.
            <span
              className={`font-bold whitespace-nowrap text-amber-300 tabular-nums ${size === "l" || size === "m" ? "text-xl" : "text-sm"}`}
            >
              {waited}
            </span>
          ) : pauseReason && size !== "l" && size !== "m" ? (
            // A small tile has no line of its own for why it paused: it takes the place of "since when".
            <PauseNote note={pauseReason} now={now} className="truncate" />
          ) : (
            <span className="whitespace-nowrap">{since}</span>
          )}
          {stuck && (
            <span className="truncate font-semibold text-amber-300" title={stuck.reason}>
              ⚠ Stuck: {stuck.reason}
            </span>
          )}
        </p>
      )}
      {(size === "l" || size === "m") && pauseReason && (
        <p className="truncate text-xs text-slate-300">
          <PauseNote note={pauseReason} now={now} />
        </p>
      )}
      {(size === "l" || size === "m") && state && !pauseReason && (
        <p className="truncate text-xs text-slate-400">
          {stateLabel(task)}
          {!isPrivate && state.message && `: ${state.message}`}
        </p>
      )}
    </li>
  );
}
