import { useQuery } from "@tanstack/react-query";
import { meQuery } from "./auth.ts";

export interface Permissions {
  /** Sees every user's tasks, so the list and wall offer owner and organization filters. */
  canSeeAllTasks: boolean;
  /** May pick a template version other than the active one. */
  canChooseTemplateVersion: boolean;
  /** May create a task owned by someone else. */
  canCreateForOthers: boolean;
}

/**
 * What the signed-in user may do on this deployment: the one place pages ask. Today it reads the site roles
 * of /users/me; until they have loaded, nothing extra is offered. (What the deployment can do, whoever asks,
 * is deployment.ts's.)
 */
export function usePermissions(): Permissions {
  const me = useQuery(meQuery());
  const roles = new Set(me.data?.roles.map((r) => r.name) ?? []);
  const isOwner = roles.has("owner");
  return {
    canSeeAllTasks: isOwner,
    canChooseTemplateVersion: isOwner || roles.has("template-admin"),
    canCreateForOthers: isOwner,
  };
}
