import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { listOrganizations, listUsers } from "../api/users.ts";
import { getTemplate, listAiTemplates, listExternalAuth, listPresets, listTemplateVersions } from "../api/templates.ts";

/** Users, organizations and templates: what pickers and the create form choose from. */
export const directoryKeys = {
  users: (q: string) => ["users", q] as const,
  organizations: ["organizations"] as const,
  aiTemplates: ["templates", "ai"] as const,
  template: (id: string) => ["templates", "detail", id] as const,
  versions: (templateId: string) => ["templates", "detail", templateId, "versions"] as const,
  presets: (versionId: string) => ["templateversions", versionId, "presets"] as const,
  externalAuth: (versionId: string) => ["templateversions", versionId, "external-auth"] as const,
};

export const usersQuery = (q: string) =>
  queryOptions({ queryKey: directoryKeys.users(q), queryFn: ({ signal }) => listUsers(q, signal), staleTime: 60_000 });

/**
 * Suggestions for a user field, searched as the user types. Nothing is asked until the field is first focused
 * (`search` is called then): most visits never open the suggestions.
 */
export function useUserSuggestions(enabled = true) {
  const [text, search] = useState<string | null>(null);
  const users = useQuery({
    ...usersQuery(useDeferredValue(text ?? "")),
    enabled: enabled && text !== null,
    placeholderData: keepPreviousData,
  });
  return { users, search };
}

export const organizationsQuery = () =>
  queryOptions({ queryKey: directoryKeys.organizations, queryFn: ({ signal }) => listOrganizations(signal), staleTime: 5 * 60_000 });

export const aiTemplatesQuery = () =>
  queryOptions({ queryKey: directoryKeys.aiTemplates, queryFn: ({ signal }) => listAiTemplates(signal), staleTime: 60_000 });

/** A template changes rarely; its build time statistics are what a starting task is measured against. */
export const templateQuery = (id: string) =>
  queryOptions({ queryKey: directoryKeys.template(id), queryFn: ({ signal }) => getTemplate(id, signal), staleTime: 5 * 60_000 });

export const templateVersionsQuery = (templateId: string) =>
  queryOptions({ queryKey: directoryKeys.versions(templateId), queryFn: ({ signal }) => listTemplateVersions(templateId, signal) });

export const presetsQuery = (versionId: string) =>
  queryOptions({
    queryKey: directoryKeys.presets(versionId),
    queryFn: ({ signal }) => listPresets(versionId, signal),
    staleTime: 5 * 60_000,
  });

/** Asked again whenever the user comes back to the tab: they may have connected a provider in another window. */
export const externalAuthQuery = (versionId: string) =>
  queryOptions({
    queryKey: directoryKeys.externalAuth(versionId),
    queryFn: ({ signal }) => listExternalAuth(versionId, signal),
    refetchOnWindowFocus: "always",
  });
