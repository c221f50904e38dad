import { describeError, rateLimitedUntil } from "../lib/errors.ts";
import { StaleNotice } from "./StaleNotice.tsx";

interface RefreshNoticeProps {
  /** The last failure, while a refresh is being retried (React Query's failureReason). */
  failure: unknown;
  /** The refresh's error once retries have given up, or null. */
  error: unknown;
  /** When the data shown was loaded. */
  updatedAt: number;
}

/**
 * What a page says above data it could not refresh: a quiet word when Coder asked it to slow down (a rate
 * limit, waited out before asking again), else that the data may be out of date and why. The data stays.
 */
export function RefreshNotice({ failure, error, updatedAt }: RefreshNoticeProps) {
  const until = rateLimitedUntil(error ?? failure);
  if (until !== null) {
    return (
      <p role="status" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-700">
        Coder asked for fewer requests (rate limit), so the page waits until{" "}
        <time dateTime={new Date(until).toISOString()}>{new Date(until).toLocaleTimeString()}</time> before asking again. What is shown
        stays.
      </p>
    );
  }
  if (!error) return null;
  return <StaleNotice error={describeError(error)} since={new Date(updatedAt).toLocaleTimeString()} />;
}
