import { useQuery } from "@tanstack/react-query";
import { tasksApi } from "../api/tasks.ts";
import { hasPauseResume } from "../lib/coder-version.ts";
import { isRouteNotFound } from "../lib/errors.ts";
import { safeHttpUrl } from "../lib/safe-url.ts";
import { buildInfoQuery } from "./auth.ts";
import { useMyTasks } from "./my-tasks.ts";

export interface Deployment {
  /** The version /buildinfo reports, once it has answered. */
  version: string | undefined;
  /**
   * Whether this deployment has Coder Tasks: "missing" when neither /api/v2/tasks nor /api/experimental/tasks
   * exists (turned off on v2.37, removed after, or older than Tasks), "unknown" until the first list answers.
   */
  tasks: "available" | "missing" | "unknown";
  /** Which task routes answered: "experimental" on Coder before v2.29. */
  api: "stable" | "experimental";
  /** Pause and resume exist (v2.31.0 and later). */
  canPauseResume: boolean;
  /**
   * Coder's own web UI, for links into it: the deployment's dashboard_url when that is another origin. The
   * built-in simulator names this server, which serves no Coder pages, so it gets no links.
   */
  coderUi: string | null;
}

/**
 * What this Coder deployment can do: the one place every page asks. It learns from the answers the app
 * already asks for (/buildinfo, and the user's own tasks: useMyTasks), so it costs no request.
 */
export function useDeployment(): Deployment {
  const buildInfo = useQuery(buildInfoQuery());
  const mine = useMyTasks();
  const version = buildInfo.data?.version;
  const tasks = mine.tasks ? "available" : isRouteNotFound(mine.error) ? "missing" : "unknown";
  return {
    version,
    tasks,
    api: tasksApi(),
    canPauseResume: buildInfo.data !== undefined && hasPauseResume(version),
    coderUi: otherOrigin(buildInfo.data?.dashboard_url),
  };
}

function otherOrigin(url: string | undefined): string | null {
  const parsed = safeHttpUrl(url ?? "");
  return parsed === null || parsed.origin === window.location.origin ? null : parsed.href.replace(/\/$/, "");
}
