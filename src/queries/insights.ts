import { queryOptions } from "@tanstack/react-query";
import { getInsights } from "../api/insights.ts";

export type { Coverage } from "../api/insights.ts";

/** Coder's records of the past change slowly: they are read again at most once a minute. */
const INSIGHTS_REFRESH_MS = 60_000;

/** The insights for the tasks that `terms` select over the last `days` days, read and computed off the page's thread. */
export const insightsQuery = (terms: string, days: number) =>
  queryOptions({
    queryKey: ["insights", terms, days],
    staleTime: INSIGHTS_REFRESH_MS,
    refetchInterval: INSIGHTS_REFRESH_MS,
    queryFn: ({ signal }) => getInsights(terms, days, Date.now(), signal),
  });
