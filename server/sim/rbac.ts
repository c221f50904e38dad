import type { Template, User } from "./model.ts";

/**
 * Coder's RBAC, reduced to the roles the simulator has: site owner, template admin, user admin, auditor,
 * organization admin and member. `authorize` is the one rule; the helpers below ask it.
 */

/** A task or a workspace: owned by a user within an organization. */
export interface Owned {
  ownerId: string;
  orgId: string;
}

/** An RBAC object as /authcheck describes one: a type, narrowed by owner and organization. */
export interface RbacObject {
  type: string;
  ownerId?: string;
  orgId?: string;
  /** "In at least one organization" (AnyOrgOwner). */
  anyOrg?: boolean;
}

/** The resource types the simulator knows; any other is never allowed, as Coder answers for unknown ones. */
const RESOURCES = new Set(["task", "workspace", "template", "user", "organization", "organization_member", "group", "audit_log"]);

/** Organization admins may do anything to their organization's workspaces but open them (send, live logs, SSH). */
function orgAdminMay(type: string, action: string): boolean {
  if (type === "workspace" || type === "task") return action !== "application_connect" && action !== "ssh";
  return (
    ["template", "organization_member", "group"].includes(type) || (type === "organization" && (action === "read" || action === "update"))
  );
}

/** Members may do anything to their own workspaces and tasks, and read and use their organizations' templates. */
function memberMay(type: string, action: string, isOwn: boolean): boolean {
  if (type === "workspace" || type === "task") return isOwn;
  if (type === "template") return action === "read" || action === "use";
  return (type === "organization" || type === "organization_member") && action === "read";
}

function siteRoleMay(user: User, type: string, action: string): boolean {
  const roles = user.siteRoles;
  if (roles.includes("owner")) return true;
  if (roles.includes("template-admin") && (type === "template" || ((type === "workspace" || type === "task") && action === "read")))
    return true;
  if (roles.includes("user-admin") && (type === "user" || type === "organization_member")) return true;
  return (
    roles.includes("auditor") &&
    action === "read" &&
    ["template", "user", "organization", "organization_member", "group", "audit_log"].includes(type)
  );
}

export function authorize(user: User, action: string, object: RbacObject): boolean {
  if (!RESOURCES.has(object.type)) return false;
  if (siteRoleMay(user, object.type, action)) return true;
  const orgs = object.anyOrg ? user.orgIds : object.orgId ? [object.orgId] : [];
  const isOwn = object.ownerId === user.id;
  for (const org of orgs) {
    if (user.orgAdminOf.includes(org) && orgAdminMay(object.type, action)) return true;
    if (user.orgIds.includes(org) && memberMay(object.type, action, isOwn)) return true;
  }
  return object.type === "user" && isOwn && ["read", "read_personal", "update_personal"].includes(action);
}

export const isSiteOwner = (user: User) => user.siteRoles.includes("owner");

/** Read, start, stop, delete and update: the owner, a site owner, or an admin of the organization. */
export function canRead(user: User, thing: Owned): boolean {
  return authorize(user, "read", { type: "workspace", ownerId: thing.ownerId, orgId: thing.orgId });
}

/** ApplicationConnect (send, live logs): org admins do not have it on others' workspaces. */
export function canConnect(user: User, thing: Owned): boolean {
  return authorize(user, "application_connect", { type: "workspace", ownerId: thing.ownerId, orgId: thing.orgId });
}

export function canReadUser(viewer: User, target: User): boolean {
  return isSiteOwner(viewer) || viewer.id === target.id || viewer.orgIds.some((id) => target.orgIds.includes(id));
}

export function canSeeOrganization(user: User, orgId: string): boolean {
  return isSiteOwner(user) || user.orgIds.includes(orgId);
}

export function canUseTemplate(user: User, template: Template): boolean {
  return authorize(user, "use", { type: "template", orgId: template.orgId });
}

/** Workspace create for `owner` in `orgId`: the owner must belong to it; oneself, or as site owner or admin of that org. */
export function canCreateFor(caller: User, owner: User, orgId: string): boolean {
  return owner.orgIds.includes(orgId) && authorize(caller, "create", { type: "workspace", ownerId: owner.id, orgId });
}
