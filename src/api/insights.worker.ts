import { readInsights, type InsightsRequest } from "./insights-reader.ts";
import { serveRequests } from "./worker-rpc.ts";

/** Reads and computes the insights off the page's thread; see insights-reader.ts. */
serveRequests<InsightsRequest>(readInsights);
