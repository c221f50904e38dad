import { useId } from "react";
import { ChoiceGroup } from "../../components/ChoiceGroup.tsx";
import type { LogFilter } from "../../lib/log-format.ts";

interface LogToolbarProps {
  filter: LogFilter;
  onFilter: (filter: LogFilter) => void;
  search: string;
  onSearch: (text: string) => void;
  matchCount: number;
  current: number;
  onStep: (delta: 1 | -1) => void;
  onDownload: (format: "text" | "json") => void;
}

const button = "rounded px-2 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50";
const FILTERS: { value: LogFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "input", label: "Your messages" },
  { value: "output", label: "Agent's messages" },
];

export function LogToolbar({ filter, onFilter, search, onSearch, matchCount, current, onStep, onDownload }: LogToolbarProps) {
  const searchId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ChoiceGroup label="Show" options={FILTERS} value={filter} onChange={onFilter} />
      <div className="flex items-center gap-1">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search the log
        </label>
        <input
          id={searchId}
          type="search"
          data-shortcut-search
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") onStep(e.shiftKey ? -1 : 1);
          }}
          className="w-48 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        {search && (
          <span role="status" className="text-sm text-slate-600 tabular-nums">
            {matchCount === 0 ? "No matches" : `${current + 1} of ${matchCount}`}
          </span>
        )}
        <button type="button" className={button} disabled={matchCount === 0} onClick={() => onStep(-1)} aria-label="Previous match">
          ↑
        </button>
        <button type="button" className={button} disabled={matchCount === 0} onClick={() => onStep(1)} aria-label="Next match">
          ↓
        </button>
      </div>
      <div className="ml-auto flex gap-1">
        <button type="button" className={button} onClick={() => onDownload("text")}>
          Download text
        </button>
        <button type="button" className={button} onClick={() => onDownload("json")}>
          Download JSON
        </button>
      </div>
    </div>
  );
}
