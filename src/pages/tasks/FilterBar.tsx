import { useId } from "react";
import type { TaskStatus } from "../../wire/types.ts";
import { DEFAULT_DIRECTION, SORT_KEYS, type SortKey, type TaskFilters } from "../../lib/task-filters.ts";
import { OrganizationPicker, OwnerPicker } from "./PeoplePickers.tsx";
import { MAX_STUCK_MINUTES, stuckMinutes, type StuckLimits } from "../../lib/stuck.ts";
import { StatusToggles, type StatusCounts } from "./StatusToggles.tsx";

const SORT_LABEL: Record<SortKey, string> = {
  attention: "Needs attention",
  created: "Created",
  updated: "Updated",
  status: "Status",
  name: "Name",
};

interface FilterBarProps {
  filters: TaskFilters;
  counts: StatusCounts;
  searchText: string;
  onSearchText: (text: string) => void;
  showPeoplePickers: boolean;
  onChange: (patch: Partial<TaskFilters>) => void;
  onToggleStatus: (status: TaskStatus) => void;
}

const control = "rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

export function FilterBar({ filters, counts, searchText, onSearchText, showPeoplePickers, onChange, onToggleStatus }: FilterBarProps) {
  const searchId = useId();
  const sortId = useId();
  return (
    <div className="space-y-3">
      <StatusToggles
        counts={counts}
        statuses={filters.statuses}
        waiting={filters.waiting}
        stuck={filters.stuck}
        onToggleStatus={onToggleStatus}
        onToggleWaiting={() => onChange({ waiting: !filters.waiting })}
        onToggleStuck={() => onChange({ stuck: !filters.stuck })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={searchId} className="text-sm font-medium">
            Search
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Name, prompt or message (press /)"
            data-shortcut-search
            value={searchText}
            className={`${control} w-64`}
            onChange={(e) => onSearchText(e.target.value)}
          />
        </div>
        {showPeoplePickers && (
          <>
            <OwnerPicker key={filters.owner} value={filters.owner} onChange={(owner) => onChange({ owner })} />
            <OrganizationPicker value={filters.organization} onChange={(organization) => onChange({ organization })} />
          </>
        )}
        <div className="flex items-center gap-2">
          <label htmlFor={sortId} className="text-sm font-medium">
            Sort by
          </label>
          <select
            id={sortId}
            value={filters.sort}
            className={control}
            onChange={(e) => {
              const sort = e.target.value as SortKey;
              onChange({ sort, direction: DEFAULT_DIRECTION[sort] });
            }}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABEL[key]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={control}
            aria-label={filters.direction === "asc" ? "Ascending: switch to descending" : "Descending: switch to ascending"}
            onClick={() => onChange({ direction: filters.direction === "asc" ? "desc" : "asc" })}
          >
            {filters.direction === "asc" ? "↑" : "↓"}
          </button>
        </div>
        <StuckLimitsForm
          key={`${filters.stuckLimits.startingMinutes}:${filters.stuckLimits.workingMinutes}`}
          limits={filters.stuckLimits}
          onChange={(stuckLimits) => onChange({ stuckLimits })}
        />
      </div>
    </div>
  );
}

/** When a task counts as stuck: the user's own limits, kept in the URL like every filter (and a wall's). */
function StuckLimitsForm({ limits, onChange }: { limits: StuckLimits; onChange: (limits: StuckLimits) => void }) {
  const startingId = useId();
  const workingId = useId();
  const field = (id: string, label: string, value: number, set: (minutes: number) => StuckLimits) => (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={1}
        max={MAX_STUCK_MINUTES}
        step={1}
        defaultValue={value}
        className={`${control} w-20`}
        onBlur={(e) => {
          const minutes = stuckMinutes(e.target.value);
          if (minutes !== null && minutes !== value) onChange(set(minutes));
        }}
      />
      <span className="text-sm text-slate-600">min</span>
    </div>
  );
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Stuck after…</summary>
      <div className="mt-2 flex flex-wrap gap-4">
        {field(startingId, "Starting for", limits.startingMinutes, (startingMinutes) => ({ ...limits, startingMinutes }))}
        {field(workingId, "Working with no report for", limits.workingMinutes, (workingMinutes) => ({ ...limits, workingMinutes }))}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        A start may also take twice its template's usual time; an agent that failed or timed out on start is stuck at once.
      </p>
    </details>
  );
}
