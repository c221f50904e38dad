import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { Field } from "../../components/Field.tsx";
import { UserPicker } from "../../components/UserPicker.tsx";
import { describeError, type ErrorDescription } from "../../lib/errors.ts";
import { taskPath } from "../../lib/paths.ts";
import { displayNameProblem, taskNameProblem } from "../../lib/task-name.ts";
import { meQuery } from "../../queries/auth.ts";
import { aiTemplatesQuery, presetsQuery, templateVersionsQuery, usersQuery } from "../../queries/directory.ts";
import { useCreateTask } from "../../queries/tasks.ts";
import { PresetChoice, TemplateChoice } from "./Choices.tsx";
import { clearDraft, loadDraft, saveDraft, type TaskDraft } from "./draft.ts";

const TASK_TEMPLATES_DOCS = "https://coder.com/docs/ai-coder/tasks";
const control = "w-full rounded border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

/** Where a server error belongs: beside a field when it is about one, otherwise in the banner. */
function placeError(error: ErrorDescription | null): {
  field: Partial<Record<"name" | "displayName" | "prompt", string>>;
  banner: ErrorDescription | null;
} {
  if (!error) return { field: {}, banner: null };
  const field: Partial<Record<"name" | "displayName" | "prompt", string>> = {};
  for (const v of error.validations) {
    if (v.field === "name") field.name = `${error.message} ${v.detail}`;
    if (v.field === "display_name") field.displayName = v.detail;
    if (v.field === "input") field.prompt = v.detail;
  }
  if (error.message === "Unable to create a Task with the provided name.") field.name = `${error.message} (${error.detail})`;
  if (error.message.startsWith("Display name")) field.displayName = error.message;
  return { field, banner: Object.keys(field).length > 0 ? null : error };
}

export function NewTaskPage() {
  const navigate = useNavigate();
  const me = useQuery(meQuery());
  const templates = useQuery(aiTemplatesQuery());
  const [draft, setDraft] = useState<TaskDraft>(loadDraft);
  const [versionId, setVersionId] = useState("");
  const [owner, setOwner] = useState("");
  const [ownerSearch, setOwnerSearch] = useState("");
  const [triedEmpty, setTriedEmpty] = useState(false);
  const create = useCreateTask();
  useEffect(() => saveDraft(draft), [draft]);
  const update = (patch: Partial<TaskDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const roles = me.data?.roles.map((r) => r.name) ?? [];
  const isTemplateAdmin = roles.includes("owner") || roles.includes("template-admin");
  const template = templates.data?.find((t) => t.id === draft.templateId) ?? templates.data?.[0];
  const versions = useQuery({ ...templateVersionsQuery(template?.id ?? ""), enabled: isTemplateAdmin && template !== undefined });
  const version = (isTemplateAdmin && versions.data?.find((v) => v.id === versionId)?.id) || template?.active_version_id || "";
  const presets = useQuery({ ...presetsQuery(version), enabled: version !== "" });
  const presetList = presets.data ?? [];
  const preset = presetList.find((p) => p.ID === draft.presetId) ?? presetList.find((p) => p.Default) ?? presetList[0];
  const users = useQuery({
    ...usersQuery(useDeferredValue(ownerSearch)),
    enabled: roles.includes("owner"),
    placeholderData: keepPreviousData,
  });

  if (templates.isError)
    return <ErrorBanner error={describeError(templates.error)} title="Could not load templates" onRetry={() => void templates.refetch()} />;
  if (!templates.data)
    return (
      <p role="status" className="animate-pulse text-slate-500">
        Loading templates…
      </p>
    );
  if (!template) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">New task</h1>
        <p>There are no templates with an AI task that you can use.</p>
        <a href={TASK_TEMPLATES_DOCS} className="text-sky-700 underline" target="_blank" rel="noopener noreferrer">
          How to add an AI task to a template
        </a>
      </div>
    );
  }

  const nameProblem = taskNameProblem(draft.name.trim());
  const titleProblem = displayNameProblem(draft.displayName);
  const placed = placeError(create.error ? describeError(create.error) : null);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (create.isPending) return;
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
          clearDraft();
          navigate(taskPath(task));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-5" noValidate>
      <h1 className="text-2xl font-semibold">New task</h1>
      {placed.banner && <ErrorBanner error={placed.banner} title="The task was not created" />}
      <TemplateChoice
        templates={templates.data}
        value={template.id}
        onChange={(templateId) => {
          update({ templateId, presetId: "" });
          setVersionId("");
        }}
      />
      {isTemplateAdmin && versions.data && (
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
      <PresetChoice presets={presetList} value={preset?.ID ?? ""} onChange={(presetId) => update({ presetId })} />
      <Field
        label="Prompt"
        hint="What should the agent do? Ctrl+Enter (⌘+Enter on a Mac) creates the task."
        error={placed.field.prompt ?? (triedEmpty && draft.prompt.trim() === "" ? "Enter a prompt for the agent." : undefined)}
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
          error={nameProblem ?? placed.field.name}
        >
          {(props) => <input {...props} value={draft.name} onChange={(e) => update({ name: e.target.value })} autoComplete="off" />}
        </Field>
        <Field label="Display name (optional)" hint="Up to 64 bytes." error={titleProblem ?? placed.field.displayName}>
          {(props) => (
            <input {...props} value={draft.displayName} onChange={(e) => update({ displayName: e.target.value })} autoComplete="off" />
          )}
        </Field>
      </div>
      {roles.includes("owner") && (
        <UserPicker
          label="Owner"
          value={owner}
          placeholder="me"
          options={users.data?.users ?? []}
          onSearch={setOwnerSearch}
          onChange={setOwner}
        />
      )}
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {create.isPending ? "Creating…" : "Create task"}
      </button>
    </form>
  );
}
