import { useQuery } from "@tanstack/react-query";
import { checkAuthorization } from "../api/users.ts";
import type { AuthorizationCheck } from "../wire/types.ts";
import { meQuery } from "./auth.ts";
import { organizationsQuery } from "./directory.ts";

export interface Permissions {
  /** Reads every user's tasks in the deployment. */
  canSeeAllTasks: boolean;
  /** Reads every task of these organizations (site owners: all; organization admins: theirs). */
  orgsWithAllTasks: ReadonlySet<string>;
  /** May pick a template version other than the active one (Coder's `updateTemplates`, site-wide). */
  canChooseTemplateVersion: boolean;
  /** May create a task for someone else in this organization. */
  canCreateForOthersIn: (orgId: string) => boolean;
}

const NONE: Permissions = {
  canSeeAllTasks: false,
  orgsWithAllTasks: new Set(),
  canChooseTemplateVersion: false,
  canCreateForOthersIn: () => false,
};

/** The questions, keyed so that one request answers them all: two site-wide, two per organization. */
function checksFor(orgIds: readonly string[]): Record<string, AuthorizationCheck> {
  const checks: Record<string, AuthorizationCheck> = {
    readAllTasks: { object: { resource_type: "task" }, action: "read" },
    updateTemplates: { object: { resource_type: "template" }, action: "update" },
  };
  for (const id of orgIds) {
    checks[`readTasks:${id}`] = { object: { resource_type: "task", organization_id: id }, action: "read" };
    // No owner: "anyone's workspace in this organization", which members may not create.
    checks[`createWorkspaces:${id}`] = { object: { resource_type: "workspace", organization_id: id }, action: "create" };
  }
  return checks;
}

/**
 * What the signed-in user may do, as the server says through POST /authcheck: the one place pages ask.
 * Until it has answered nothing extra is offered, so nobody sees a control the server would refuse. (What
 * the deployment can do, whoever asks, is deployment.ts's.)
 */
export function usePermissions(): Permissions {
  const me = useQuery(meQuery());
  const organizations = useQuery(organizationsQuery());
  const orgIds = (organizations.data ?? []).map((o) => o.id).sort();
  const answers = useQuery({
    queryKey: ["permissions", me.data?.id, orgIds],
    queryFn: ({ signal }) => checkAuthorization(checksFor(orgIds), signal),
    enabled: me.data !== undefined && organizations.data !== undefined,
    staleTime: 5 * 60_000,
    select: (answer): Permissions => ({
      canSeeAllTasks: answer.readAllTasks === true,
      orgsWithAllTasks: new Set(orgIds.filter((id) => answer[`readTasks:${id}`] === true)),
      canChooseTemplateVersion: answer.updateTemplates === true,
      canCreateForOthersIn: (id) => answer[`createWorkspaces:${id}`] === true,
    }),
  });
  return answers.data ?? NONE;
}
