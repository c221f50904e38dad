import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { Field } from "../../components/Field.tsx";
import { describeError } from "../../lib/errors.ts";
import { taskPath } from "../../lib/paths.ts";
import { aiTemplatesQuery, presetsQuery } from "../../queries/directory.ts";
import { useCreateTask } from "../../queries/tasks.ts";

const TASK_TEMPLATES_DOCS = "https://coder.com/docs/ai-coder/tasks";
const control = "w-full rounded border border-slate-300 px-3 py-2 focus:outline-none focus:ring-2 focus:ring-sky-500";

export function NewTaskPage() {
  const navigate = useNavigate();
  const templates = useQuery(aiTemplatesQuery());
  const [templateId, setTemplateId] = useState("");
  const [presetId, setPresetId] = useState("");
  const [prompt, setPrompt] = useState("");
  const [name, setName] = useState("");
  const create = useCreateTask();

  const template = templates.data?.find((t) => t.id === templateId) ?? templates.data?.[0];
  const presets = useQuery({ ...presetsQuery(template?.active_version_id ?? ""), enabled: template !== undefined });
  const preset = presets.data?.find((p) => p.ID === presetId) ?? presets.data?.find((p) => p.Default) ?? presets.data?.[0];

  if (templates.isError) return <ErrorBanner error={describeError(templates.error)} title="Could not load templates" onRetry={() => void templates.refetch()} />;
  if (!templates.data) return <p role="status" className="animate-pulse text-slate-500">Loading templates…</p>;
  if (templates.data.length === 0 || template === undefined) {
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

  const error = create.error ? describeError(create.error) : null;
  const fieldError = (field: string) => error?.validations.find((v) => v.field === field)?.detail;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || prompt.trim() === "") return;
    create.mutate(
      {
        owner: "me",
        request: {
          template_version_id: template.active_version_id,
          template_version_preset_id: preset?.ID,
          input: prompt,
          name: name.trim() || undefined,
        },
      },
      { onSuccess: (task) => navigate(taskPath(task)) },
    );
  };

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
      <h1 className="text-2xl font-semibold">New task</h1>
      {error && <ErrorBanner error={error} title="The task was not created" />}
      <Field label="Template">
        {(props) => (
          <select {...props} value={template.id} onChange={(e) => { setTemplateId(e.target.value); setPresetId(""); }}>
            {templates.data.map((t) => (
              <option key={t.id} value={t.id}>{t.display_name || t.name}</option>
            ))}
          </select>
        )}
      </Field>
      {preset && presets.data && (
        <Field label="Preset" hint={preset.Description || undefined}>
          {(props) => (
            <select {...props} value={preset.ID} onChange={(e) => setPresetId(e.target.value)}>
              {presets.data.map((p) => (
                <option key={p.ID} value={p.ID}>{p.Name}{p.Default ? " (default)" : ""}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Prompt" error={fieldError("input")}>
        {(props) => <textarea {...props} className={`${control} min-h-32`} value={prompt} onChange={(e) => setPrompt(e.target.value)} required />}
      </Field>
      <Field label="Name (optional)" hint="Letters, digits and single hyphens, up to 32 characters." error={fieldError("name")}>
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button
        type="submit"
        disabled={create.isPending || prompt.trim() === ""}
        className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {create.isPending ? "Creating…" : "Create task"}
      </button>
    </form>
  );
}
