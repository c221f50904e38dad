import { request } from "./client.ts";
import type { Preset, Template, TemplateVersion, TemplateVersionExternalAuth } from "../wire/types.ts";

/** Only templates whose active version has an AI task can start tasks (the hyphenated key is Coder's). */
export function listAiTemplates(signal?: AbortSignal): Promise<Template[]> {
  return request("/api/v2/templates", { query: { q: "has-ai-task:true" }, signal });
}

export function getTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  return request(`/api/v2/templates/${encodeURIComponent(id)}`, { signal });
}

export function listTemplateVersions(templateId: string, signal?: AbortSignal): Promise<TemplateVersion[]> {
  return request(`/api/v2/templates/${encodeURIComponent(templateId)}/versions`, { signal });
}

export function getTemplateVersion(id: string, signal?: AbortSignal): Promise<TemplateVersion> {
  return request(`/api/v2/templateversions/${encodeURIComponent(id)}`, { signal });
}

/** Coder answers `null` when a version has no presets; callers always get an array. */
export async function listPresets(versionId: string, signal?: AbortSignal): Promise<Preset[]> {
  const presets = await request<Preset[] | null>(`/api/v2/templateversions/${encodeURIComponent(versionId)}/presets`, { signal });
  return presets ?? [];
}

/** The external auth providers a version needs, and whether the signed-in user has connected each. */
export function listExternalAuth(versionId: string, signal?: AbortSignal): Promise<TemplateVersionExternalAuth[]> {
  return request(`/api/v2/templateversions/${encodeURIComponent(versionId)}/external-auth`, { signal });
}
