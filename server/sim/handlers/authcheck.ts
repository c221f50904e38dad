import { decodeValue, isUuid, parseJson, readBodyText } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { CoderError } from "../errors.ts";
import { authorize, canRead, canReadUser, type RbacObject } from "../rbac.ts";

/** resource_id works for these types only (coderd/authorize.go). */
const BY_ID = new Set(["workspace", "template", "user", "group"]);
const MAX_BY_ID = 10;

/** POST /authcheck: many permission questions in one request, each key answered true or false (deployment reference §5). */
export function authcheckHandlers(sim: Sim) {
  const { store } = sim;

  /** The object a resource_id names, with its real owner and organization; null when it is missing or unreadable. */
  function objectById(c: SimContext, type: string, id: string): RbacObject | null {
    const me = c.get("user");
    if (type === "workspace") {
      const ws = store.workspaces.get(id);
      return ws && !ws.deleted && canRead(me, ws) ? { type, ownerId: ws.ownerId, orgId: ws.orgId } : null;
    }
    if (type === "template") {
      const template = store.templates.get(id);
      return template ? { type, orgId: template.orgId } : null;
    }
    if (type === "user") {
      const user = store.users.get(id);
      return user && canReadUser(me, user) ? { type, ownerId: user.id } : null;
    }
    return null;
  }

  const check = async (c: SimContext) => {
    const me = c.get("user");
    const body = parseJson(await readBodyText(c));
    // Refuses anything but an object (or null), in Go's words.
    decodeValue(body, "AuthorizationRequest", {});
    const rawChecks = (body as { checks?: unknown } | null)?.checks;
    if (rawChecks !== undefined && rawChecks !== null && (typeof rawChecks !== "object" || Array.isArray(rawChecks))) {
      throw new CoderError(
        400,
        "Request body must be valid JSON.",
        "json: cannot unmarshal into Go struct field AuthorizationRequest.checks of type map[string]codersdk.AuthorizationCheck",
      );
    }
    const checks = Object.entries((rawChecks ?? {}) as Record<string, unknown>).map(([key, raw]) => {
      const { action = "" } = decodeValue(raw, "AuthorizationCheck", { action: "string" });
      const object = decodeValue((raw as { object?: unknown } | null)?.object, "AuthorizationCheck.object", {
        resource_type: "string",
        owner_id: "string",
        organization_id: "string",
        resource_id: "string",
        any_org: "boolean",
      });
      return { key, action, object };
    });
    const byId = checks.filter((x) => (x.object.resource_id ?? "") !== "").length;
    if (byId > MAX_BY_ID) {
      throw new CoderError(
        400,
        `Endpoint only supports using "resource_id" field ${MAX_BY_ID} times, found ${byId} usages. Remove ${byId - MAX_BY_ID} objects with this field set.`,
      );
    }
    const answers: Record<string, boolean> = {};
    for (const { key, action, object } of checks) {
      const type = object.resource_type ?? "";
      if (type === "") throw new CoderError(400, `Object's "resource_type" field must be defined for key "${key}".`);
      const resourceId = object.resource_id ?? "";
      if (resourceId !== "") {
        if (!isUuid(resourceId)) throw new CoderError(400, `Object "${resourceId}" id is not a valid uuid.`);
        if (!BY_ID.has(type)) throw new CoderError(400, `Object type "${type}" does not support "resource_id" field.`);
        const found = objectById(c, type, resourceId.toLowerCase());
        answers[key] = found !== null && authorize(me, action, found);
        continue;
      }
      const ownerId = object.owner_id === "me" ? me.id : object.owner_id;
      answers[key] = authorize(me, action, { type, ownerId, orgId: object.organization_id, anyOrg: object.any_org });
    }
    return c.json(answers);
  };

  return { check };
}
