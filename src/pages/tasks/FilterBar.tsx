import { useId } from "react";
import type { TaskStatus } from "../../wire/types.ts";
import { DEFAULT_DIRECTION, SORT_KEYS, type SortKey, type TaskFilters } from "../../lib/task-filters.ts";
import { OrganizationPicker, OwnerPicker } from "./PeoplePickers.tsx";
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
        onToggleStatus={onToggleStatus}
        onToggleWaiting={() => onChange({ waiting: !filters.waiting })}
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
      </div>
    </div>
  );
}
