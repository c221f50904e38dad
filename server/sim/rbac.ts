import type { Task, Template, User } from "./model.ts";

/** Coder's RBAC, reduced to the roles the simulator seeds: site owner, organization admin, member. */

export const isSiteOwner = (user: User) => user.siteRoles.includes("owner");

/** Read, pause, resume, delete and update input: the owner, a site owner, or an admin of the task's org. */
export function canReadTask(user: User, task: Task): boolean {
  return isSiteOwner(user) || task.ownerId === user.id || user.orgAdminOf.includes(task.orgId);
}

/** ApplicationConnect (send, live logs): org admins do not have it on others' workspaces. */
export function canConnect(user: User, task: Task): boolean {
  return isSiteOwner(user) || task.ownerId === user.id;
}

export function canReadUser(viewer: User, target: User): boolean {
  return isSiteOwner(viewer) || viewer.id === target.id || viewer.orgIds.some((id) => target.orgIds.includes(id));
}

export function canSeeOrganization(user: User, orgId: string): boolean {
  return isSiteOwner(user) || user.orgIds.includes(orgId);
}

export function canUseTemplate(user: User, template: Template): boolean {
  return canSeeOrganization(user, template.orgId);
}

/** Workspace create for `owner` in `orgId`: oneself, or as site owner or admin of that org. */
export function canCreateFor(caller: User, owner: User, orgId: string): boolean {
  if (!owner.orgIds.includes(orgId)) return false;
  return caller.id === owner.id || isSiteOwner(caller) || caller.orgAdminOf.includes(orgId);
}
