import type { ErrorDescription } from "../lib/errors.ts";

/** Shown above data that could not be refreshed: the data stays, and the reader knows it may be old. */
export function StaleNotice({ error, since }: { error: ErrorDescription; since: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span className="font-semibold">Showing data from {since}: it may be out of date.</span> Refreshing failed: {error.message}
      {error.detail && <span> ({error.detail})</span>}. Retrying automatically.
    </div>
  );
}
