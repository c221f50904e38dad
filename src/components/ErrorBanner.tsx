import type { ErrorDescription } from "../lib/errors.ts";

/** The server's own words: message, detail, and any per-field validations not shown beside a field. */
export function ErrorBanner({ error, title, onRetry }: { error: ErrorDescription; title?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {title && <p className="font-semibold">{title}</p>}
      <p className={title ? "" : "font-semibold"}>{error.message}</p>
      {error.detail && <p className="mt-1 whitespace-pre-wrap">{error.detail}</p>}
      {error.validations.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {error.validations.map((v) => (
            <li key={`${v.field}:${v.detail}`}>
              <span className="font-mono">{v.field}</span>: {v.detail}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800">
          Try again
        </button>
      )}
    </div>
  );
}
