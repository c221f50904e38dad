import { isUuid } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import { authorize, canSeeOrganization, canUseTemplate } from "../rbac.ts";
import { parseQuery } from "../search.ts";
import { externalAuthJson, templateJson, templateVersionJson } from "../wire.ts";

const TEMPLATE_QUERY_KEYS = ["has-ai-task", "organization", "name", "exact_name", "deprecated", "author", "has_external_agent"];

/** Templates, their versions and presets: what the create form picks from. */
export function templateHandlers(sim: Sim) {
  const { store } = sim;

  const invalidUuid = (value: string) => new CoderError(400, `Invalid UUID "${value}".`, `invalid UUID length: ${value.length}`);

  const listTemplates = (c: SimContext) => {
    const me = c.get("user");
    const params = parseQuery(c.req.query("q") ?? "", "name", TEMPLATE_QUERY_KEYS, "Invalid template search query.");
    const aiFilter = params.get("has-ai-task");
    if (aiFilter !== undefined && aiFilter !== "true" && aiFilter !== "false") {
      throw new CoderError(400, "Invalid template search query.", undefined, [
        {
          field: "has-ai-task",
          detail: `Query param "has-ai-task" must be a valid boolean: strconv.ParseBool: parsing "${aiFilter}": invalid syntax`,
        },
      ]);
    }
    const org = params.get("organization");
    const text = params.get("name");
    const templates = [...store.templates.values()].filter((t) => {
      if (!canUseTemplate(me, t)) return false;
      const active = store.versions.get(t.activeVersionId);
      if (aiFilter !== undefined && (active?.hasAiTask === true) !== (aiFilter === "true")) return false;
      if (org !== undefined) {
        const o = store.organizations.get(t.orgId);
        if (o?.id !== org && o?.name !== org) return false;
      }
      const exact = params.get("exact_name");
      if (exact !== undefined && t.name !== exact) return false;
      return text === undefined || t.name.includes(text) || t.displayName.toLowerCase().includes(text);
    });
    templates.sort((a, b) => a.name.localeCompare(b.name));
    return c.json(templates.map((t) => templateJson(store, t)));
  };

  const getTemplate = (c: SimContext) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw invalidUuid(id);
    const template = store.templates.get(id);
    if (!template || !canUseTemplate(c.get("user"), template)) throw notFound();
    return c.json(templateJson(store, template));
  };

  const listVersions = (c: SimContext) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw invalidUuid(id);
    const template = store.templates.get(id);
    if (!template || !canUseTemplate(c.get("user"), template)) throw notFound();
    const versions = [...store.versions.values()].filter((v) => v.templateId === id);
    return c.json(versions.map((v) => templateVersionJson(store, v)));
  };

  const readableVersion = (c: SimContext) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw invalidUuid(id);
    const version = store.versions.get(id);
    if (!version || !canSeeOrganization(c.get("user"), version.orgId)) throw notFound();
    return version;
  };

  const getVersion = (c: SimContext) => c.json(templateVersionJson(store, readableVersion(c)));

  // Coder marshals a nil slice: `null` when the version has no presets.
  const listPresets = (c: SimContext) => {
    const version = readableVersion(c);
    return c.json(version.presets.length === 0 ? null : version.presets);
  };

  /** The providers a version needs, for the caller or (from v2.36) for `user_id`, whom the caller may create for. */
  const listExternalAuth = (c: SimContext) => {
    const version = readableVersion(c);
    const me = c.get("user");
    let user = me;
    const requested = c.req.query("user_id") ?? "";
    if (sim.features.externalAuthForUser && requested !== "" && requested !== "me") {
      if (!isUuid(requested)) throw new CoderError(400, "Invalid user_id query parameter.");
      const owner = store.users.get(requested.toLowerCase());
      if (!owner || !authorize(me, "create", { type: "workspace", ownerId: owner.id, orgId: version.orgId }))
        throw new CoderError(403, "Forbidden.");
      user = owner;
    }
    for (const { providerId } of version.externalAuth) {
      if (!store.externalAuthProviders.has(providerId)) {
        throw new CoderError(404, `The template version references a Git auth provider "${providerId}" that no longer exists.`);
      }
    }
    return c.json(externalAuthJson(store, version, user, new URL(c.req.url).origin));
  };

  return { listTemplates, getTemplate, listVersions, getVersion, listPresets, listExternalAuth };
}
