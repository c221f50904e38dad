import { useQuery } from "@tanstack/react-query";
import { hasPauseResume } from "../lib/coder-version.ts";
import { buildInfoQuery, meQuery } from "./auth.ts";

export interface Permissions {
  /** Sees every user's tasks, so the list and wall offer owner and organization filters. */
  canSeeAllTasks: boolean;
  /** May pick a template version other than the active one. */
  canChooseTemplateVersion: boolean;
  /** May create a task owned by someone else. */
  canCreateForOthers: boolean;
  /** The deployment has pause and resume (Coder v2.31.1 and later). */
  canPauseResume: boolean;
}

/**
 * What the signed-in user may do on this deployment: the one place pages ask. Today it reads the site roles
 * of /users/me and the version of /buildinfo; until both have loaded, nothing extra is offered.
 */
export function usePermissions(): Permissions {
  const me = useQuery(meQuery());
  const buildInfo = useQuery(buildInfoQuery());
  const roles = new Set(me.data?.roles.map((r) => r.name) ?? []);
  const isOwner = roles.has("owner");
  return {
    canSeeAllTasks: isOwner,
    canChooseTemplateVersion: isOwner || roles.has("template-admin"),
    canCreateForOthers: isOwner,
    canPauseResume: buildInfo.data !== undefined && hasPauseResume(buildInfo.data.version),
  };
}
