import type { WorkspaceStatus } from "../../../src/wire/types.ts";
import { isUuid } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { agentConnection, latestBuild, workspaceStatus } from "../derive.ts";
import { CoderError, notFound, type ValidationError } from "../errors.ts";
import type { Workspace } from "../model.ts";
import { canRead, canSeeOrganization, canUseTemplate } from "../rbac.ts";
import { parseQuery } from "../search.ts";
import { workspaceBuildJson, workspaceJson } from "../wire.ts";
import { includeDeleted, page, parseGoBool, parsePagination, parseRfc3339, userParam, uuidParam } from "./params.ts";

const WORKSPACE_STATUSES: readonly WorkspaceStatus[] = [
  "pending",
  "starting",
  "running",
  "stopping",
  "stopped",
  "failed",
  "canceling",
  "canceled",
  "deleting",
  "deleted",
];

/** The keys of coderd/searchquery Workspaces; the sharing ones match nothing, as the simulator shares nothing. */
const SEARCH_KEYS = [
  "owner",
  "template",
  "name",
  "status",
  "has-agent",
  "dormant",
  "last_used_after",
  "last_used_before",
  "outdated",
  "has-ai-task",
  "has_external_agent",
  "id",
  "organization",
  "shared",
  "shared_with_user",
  "shared_with_group",
  "healthy",
] as const;

const SEARCH_FAILED = "Invalid workspace search query.";

/** The workspaces behind tasks (coderd/workspaces.go, workspacebuilds.go; deployment reference §2). */
export function workspaceHandlers(sim: Sim) {
  const { store } = sim;

  /** ExtractWorkspaceParam: a UUID, then a workspace the caller may read. */
  function workspaceParam(c: SimContext): Workspace {
    const ws = store.workspaces.get(uuidParam(c, "workspace"));
    if (!ws || !canRead(c.get("user"), ws)) throw notFound();
    return ws;
  }

  const templateReadable = (c: SimContext, ws: Workspace) => {
    const template = store.templates.get(ws.templateId);
    return template !== undefined && canUseTemplate(c.get("user"), template);
  };

  const get = (c: SimContext) => {
    const ws = workspaceParam(c);
    const withDeleted = includeDeleted(c, "deleted");
    if (ws.deleted && !withDeleted) {
      throw new CoderError(
        410,
        `Workspace "${ws.id}" was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.`,
      );
    }
    if (!templateReadable(c, ws)) throw new CoderError(403, "Forbidden.");
    return c.json(workspaceJson(store, ws));
  };

  const byOwnerAndName = (c: SimContext) => {
    const owner = userParam(store, c);
    const withDeleted = includeDeleted(c, "include_deleted");
    const wanted = (c.req.param("workspacename") ?? "").toLowerCase();
    const matches = [...store.workspaces.values()].filter(
      (ws) => ws.ownerId === owner.id && ws.name.toLowerCase() === wanted && (withDeleted || !ws.deleted),
    );
    // Coder reads the newest match: a name can be reused once the old workspace is deleted.
    const ws = matches.sort((a, b) => Number(a.deleted) - Number(b.deleted) || b.createdAt - a.createdAt)[0];
    if (!ws || !canRead(c.get("user"), ws) || !templateReadable(c, ws)) throw notFound();
    return c.json(workspaceJson(store, ws));
  };

  const list = (c: SimContext) => {
    const pagination = parsePagination(c);
    const matches = [...store.workspaces.values()].filter(searchFilter(c));
    matches.sort(listOrder);
    const shown = page(matches, pagination).filter((ws) => templateReadable(c, ws));
    // Workspaces whose template the caller cannot read are dropped from the page, and the count stays.
    return c.json({ workspaces: shown.map((ws) => workspaceJson(store, ws)), count: matches.length });
  };

  /** Running workspaces first, then by owner and name, as GetWorkspaces orders them. */
  function listOrder(a: Workspace, b: Workspace): number {
    const running = (ws: Workspace) => {
      const build = latestBuild(ws);
      return build?.transition === "start" && build.jobStatus === "succeeded" ? 0 : 1;
    };
    const ownerName = (ws: Workspace) => store.users.get(ws.ownerId)?.username.toLowerCase() ?? "";
    return running(a) - running(b) || ownerName(a).localeCompare(ownerName(b)) || a.name.toLowerCase().localeCompare(b.name.toLowerCase());
  }

  function searchFilter(c: SimContext): (ws: Workspace) => boolean {
    const me = c.get("user");
    const params = parseQuery(c.req.query("q") ?? "", "name", SEARCH_KEYS, SEARCH_FAILED);
    const validations: ValidationError[] = [];
    const checks: ((ws: Workspace) => boolean)[] = [(ws) => !ws.deleted && canRead(me, ws)];
    const bool = (key: string): boolean | undefined => {
      const raw = params.get(key);
      if (raw === undefined || raw === "") return undefined;
      const value = parseGoBool(raw);
      if (value === undefined) {
        validations.push({
          field: key,
          detail: `Query param "${key}" must be a valid boolean: strconv.ParseBool: parsing "${raw}": invalid syntax`,
        });
      }
      return value;
    };
    const time = (key: string): number | undefined => {
      const raw = params.get(key);
      if (raw === undefined || raw === "") return undefined;
      const value = parseRfc3339(raw.toUpperCase());
      if (Number.isNaN(value)) {
        validations.push({
          field: key,
          detail: `Query param "${key}" must be a valid date format (2006-01-02T15:04:05.999999999Z07:00): parsing time "${raw.toUpperCase()}" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "${raw.toUpperCase()}" as "2006"`,
        });
      }
      return value;
    };

    let name = params.get("name");
    let owner = params.get("owner");
    // A bare "owner/name" names both.
    if (name?.includes("/") && owner === undefined) [owner = "", name = ""] = name.split("/", 2);
    if (owner) {
      const ownerId = owner === "me" ? me.id : store.userByUsername(owner)?.id;
      checks.push((ws) => ws.ownerId === ownerId);
    }
    if (name) checks.push((ws) => ws.name.toLowerCase().includes(name));
    const template = params.get("template");
    if (template) checks.push((ws) => store.templates.get(ws.templateId)?.name.toLowerCase() === template);
    const status = params.get("status");
    if (status) {
      if (!(WORKSPACE_STATUSES as readonly string[]).includes(status)) {
        validations.push({ field: "status", detail: `Query param "status" has invalid value: "${status}" is not a valid value` });
      }
      checks.push((ws) => {
        const build = latestBuild(ws);
        return build !== undefined && workspaceStatus(build) === status;
      });
    }
    const hasAgent = params.get("has-agent");
    if (hasAgent) checks.push((ws) => ws.agent !== null && agentConnection(ws.agent) === hasAgent);
    const dormant = bool("dormant");
    if (dormant === true) checks.push(() => false);
    const after = time("last_used_after");
    if (after !== undefined) checks.push((ws) => ws.updatedAt > after);
    const before = time("last_used_before");
    if (before !== undefined) checks.push((ws) => ws.updatedAt < before);
    const outdated = bool("outdated");
    if (outdated !== undefined) {
      checks.push((ws) => {
        const active = store.templates.get(ws.templateId)?.activeVersionId;
        return (latestBuild(ws)?.templateVersionId !== active) === outdated;
      });
    }
    // Every simulated workspace was made by a task.
    if (bool("has-ai-task") === false) checks.push(() => false);
    if (bool("has_external_agent") === true) checks.push(() => false);
    if (bool("shared") === true || params.get("shared_with_user") || params.get("shared_with_group")) checks.push(() => false);
    const healthy = bool("healthy");
    if (healthy !== undefined) checks.push((ws) => ws.agent !== null && ws.agent.healthy === healthy);
    const ids = params.get("id");
    if (ids) {
      const list = ids.split(",").map((id) => id.trim());
      const bad = list.find((id) => !isUuid(id));
      if (bad !== undefined) {
        const reason = bad.length === 36 ? "invalid UUID format" : `invalid UUID length: ${bad.length}`;
        validations.push({ field: "id", detail: `Query param "id" has invalid values: ${reason}` });
      }
      checks.push((ws) => list.includes(ws.id));
    }
    const orgValue = params.get("organization");
    if (orgValue) {
      const org = isUuid(orgValue) ? store.organizations.get(orgValue) : store.organizationByName(orgValue);
      if (!org || !canSeeOrganization(me, org.id)) {
        validations.push({
          field: "organization",
          detail: `Query param "organization" has invalid value: organization "${orgValue}" either does not exist, or you are unauthorized to view it`,
        });
      }
      checks.push((ws) => ws.orgId === org?.id);
    }
    if (validations.length > 0) throw new CoderError(400, SEARCH_FAILED, undefined, validations);
    return (ws) => checks.every((check) => check(ws));
  }

  const builds = (c: SimContext) => {
    const ws = workspaceParam(c);
    const pagination = parsePagination(c);
    const rawSince = c.req.query("since") ?? "";
    const since = rawSince === "" ? null : parseRfc3339(rawSince);
    if (since !== null && Number.isNaN(since)) {
      throw new CoderError(
        400,
        "bad `since` format, must be RFC3339",
        `parsing time "${rawSince}" as "2006-01-02T15:04:05Z07:00": cannot parse "${rawSince}" as "2006"`,
      );
    }
    const newestFirst = [...ws.builds].reverse().filter((b) => since === null || b.createdAt >= since);
    let start = 0;
    if (pagination.afterId !== null) {
      const at = newestFirst.findIndex((b) => b.id === pagination.afterId);
      const exists = [...store.workspaces.values()].some((w) => w.builds.some((b) => b.id === pagination.afterId));
      if (!exists) throw new CoderError(400, `Record at "after_id" ("${pagination.afterId}") does not exist.`);
      start = at === -1 ? newestFirst.length : at + 1;
    }
    return c.json(page(newestFirst, pagination, start).map((b) => workspaceBuildJson(store, ws, b)));
  };

  return { get, byOwnerAndName, list, builds };
}
