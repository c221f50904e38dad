import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { Field } from "../../components/Field.tsx";
import { UserPicker } from "../../components/UserPicker.tsx";
import { describeError, fieldErrors, isExternalAuthRequired } from "../../lib/errors.ts";
import { taskPath } from "../../lib/paths.ts";
import { displayNameProblem, taskNameProblem } from "../../lib/task-name.ts";
import { presetsQuery, templateVersionsQuery, useUserSuggestions } from "../../queries/directory.ts";
import { usePermissions } from "../../queries/permissions.ts";
import { useCreateTask } from "../../queries/tasks.ts";
import type { Template } from "../../wire/types.ts";
import { PresetChoice, TemplateChoice } from "./Choices.tsx";
import { ExternalAuthList } from "./ExternalAuthList.tsx";
import { useExternalAuth } from "./use-external-auth.ts";
import { clearDraft, loadDraft, saveDraft, type TaskDraft } from "./draft.ts";

const control = "w-full rounded border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

/** Coder's request fields, by the form field that shows their errors. */
const FIELDS = { input: "prompt", name: "name", display_name: "displayName" } as const;

/**
 * The create form. It submits only what the user has seen: while the version's presets are loading, or
 * could not be loaded, there is nothing to submit, since Coder would otherwise apply a preset the user never chose.
 */
export function NewTaskForm({ userId, templates }: { userId: string; templates: Template[] }) {
  const navigate = useNavigate();
  const permissions = usePermissions();
  const [draft, setDraft] = useState<TaskDraft>(() => loadDraft(userId));
  const [versionId, setVersionId] = useState("");
  const [owner, setOwner] = useState("");
  const [triedEmpty, setTriedEmpty] = useState(false);
  const create = useCreateTask();
  useEffect(() => saveDraft(userId, draft), [userId, draft]);
  const update = (patch: Partial<TaskDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const template = templates.find((t) => t.id === draft.templateId) ?? templates[0];
  const versions = useQuery({
    ...templateVersionsQuery(template?.id ?? ""),
    enabled: permissions.canChooseTemplateVersion && template !== undefined,
  });
  const version = versions.data?.find((v) => v.id === versionId)?.id ?? template?.active_version_id ?? "";
  const presets = useQuery({ ...presetsQuery(version), enabled: version !== "" });
  const presetList = presets.data ?? [];
  const preset = presetList.find((p) => p.ID === draft.presetId) ?? presetList.find((p) => p.Default) ?? presetList[0];
  const canCreateForOthers = template !== undefined && permissions.canCreateForOthersIn(template.organization_id);
  const { users, search: searchOwners } = useUserSuggestions(canCreateForOthers);
  // Coder checks the owner's accounts; the form can ask only about the signed-in user's own.
  const auth = useExternalAuth(version, owner === "");
  if (!template) return null;

  const nameProblem = taskNameProblem(draft.name.trim());
  const titleProblem = displayNameProblem(draft.displayName);
  const placed = fieldErrors(create.error, FIELDS);
  const waitingFor = presets.isPending
    ? "the template's presets"
    : owner === "" && auth.query.isPending
      ? "the template's external accounts"
      : null;
  const blocked = presets.isError || (owner === "" && (auth.query.isError || auth.missing.length > 0));
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (create.isPending || waitingFor !== null || blocked) return;
    if (draft.prompt.trim() === "") return setTriedEmpty(true);
    if (nameProblem || titleProblem) return;
    create.mutate(
      {
        owner: owner || "me",
        request: {
          template_version_id: version,
          template_version_preset_id: preset?.ID,
          input: draft.prompt,
          name: draft.name.trim() || undefined,
          display_name: draft.displayName.trim() || undefined,
        },
      },
      {
        onSuccess: (task) => {
          clearDraft(userId);
          navigate(taskPath(task));
        },
        // The accounts changed since the form looked (or someone else's were checked): show what is missing now.
        onError: (error) => {
          if (isExternalAuthRequired(error)) void auth.query.refetch();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="max-w-3xl min-w-0 space-y-5" noValidate>
      <h1 className="text-2xl font-semibold">New task</h1>
      {placed.rest && <ErrorBanner error={placed.rest} title="The task was not created" />}
      <TemplateChoice
        templates={templates}
        value={template.id}
        onChange={(templateId) => {
          update({ templateId, presetId: "" });
          setVersionId("");
        }}
      />
      {versions.isError && (
        <ErrorBanner
          error={describeError(versions.error)}
          title="Could not load the template's versions; the task will use the active version"
          onRetry={() => void versions.refetch()}
        />
      )}
      {versions.data && (
        <Field label="Version">
          {(props) => (
            <select
              {...props}
              value={version}
              onChange={(e) => {
                setVersionId(e.target.value);
                update({ presetId: "" });
              }}
            >
              {versions.data.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                  {v.id === template.active_version_id ? " (active)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {presets.isError ? (
        <ErrorBanner
          error={describeError(presets.error)}
          title="Could not load the template's presets, so the task cannot be created yet"
          onRetry={() => void presets.refetch()}
        />
      ) : (
        <PresetChoice presets={presetList} value={preset?.ID ?? ""} onChange={(presetId) => update({ presetId })} />
      )}
      {owner === "" && <ExternalAuthList auth={auth} />}
      <Field
        label="Prompt"
        hint="What should the agent do? Ctrl+Enter (⌘+Enter on a Mac) creates the task."
        error={placed.byField.prompt ?? (triedEmpty && draft.prompt.trim() === "" ? "Enter a prompt for the agent." : undefined)}
      >
        {(props) => (
          <textarea
            {...props}
            className={`${control} min-h-32 [field-sizing:content]`}
            value={draft.prompt}
            onChange={(e) => update({ prompt: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
            }}
            required
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name (optional)"
          hint="Up to 32 letters, digits and single hyphens. Made from the prompt when empty."
          error={nameProblem ?? placed.byField.name}
        >
          {(props) => <input {...props} value={draft.name} onChange={(e) => update({ name: e.target.value })} autoComplete="off" />}
        </Field>
        <Field label="Display name (optional)" hint="Up to 64 bytes." error={titleProblem ?? placed.byField.displayName}>
          {(props) => (
            <input {...props} value={draft.displayName} onChange={(e) => update({ displayName: e.target.value })} autoComplete="off" />
          )}
        </Field>
      </div>
      {canCreateForOthers && (
        <div className="space-y-2">
          <UserPicker
            label="Owner"
            value={owner}
            placeholder="me"
            options={users.data?.users ?? []}
            onSearch={searchOwners}
            onChange={setOwner}
          />
          {users.isError && (
            <ErrorBanner
              error={describeError(users.error)}
              title="Could not search users; type the owner's exact username and press Enter"
              onRetry={() => void users.refetch()}
            />
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending || waitingFor !== null || blocked}
          className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create task"}
        </button>
        {waitingFor && (
          <span role="status" className="text-sm text-slate-600">
            Waiting for {waitingFor}…
          </span>
        )}
        {owner === "" && auth.missing.length > 0 && (
          <span role="status" className="text-sm text-slate-600">
            Connect {auth.missing.map((p) => p.display_name || p.id).join(" and ")} to create a task from this template.
          </span>
        )}
      </div>
    </form>
  );
}
