import { useNow } from "../../components/use-now.ts";
import { relativeTime } from "../../lib/time.ts";

/** Re-renders itself every second, not the list. */
export function UpdatedAgo({ at }: { at: number }) {
  const now = useNow(1_000);
  return <span>Updated {relativeTime(new Date(at).toISOString(), now)}</span>;
}

export function ListSkeleton() {
  return (
    <div role="status" aria-label="Loading tasks" className="space-y-2">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-14 animate-pulse rounded bg-slate-200" />
      ))}
    </div>
  );
}
