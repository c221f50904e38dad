import type { Preset, Template } from "../../wire/types.ts";
import { TemplateIcon } from "../../components/TemplateIcon.tsx";

const card = (checked: boolean) =>
  `flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm focus-within:ring-2 focus-within:ring-sky-500 ${checked ? "border-sky-600 bg-sky-50" : "border-slate-300 bg-white hover:bg-slate-50"}`;

export function TemplateChoice({ templates, value, onChange }: { templates: Template[]; value: string; onChange: (id: string) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Template</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {templates.map((t) => (
          <label key={t.id} className={card(t.id === value)}>
            <input type="radio" name="template" value={t.id} checked={t.id === value} onChange={() => onChange(t.id)} className="mt-1" />
            <TemplateIcon icon={t.icon} size={24} />
            <span>
              <span className="block font-medium">{t.display_name || t.name}</span>
              {t.description && <span className="block text-slate-600">{t.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Presets with the Default one first; Coder answers null when a version has none, and then this is not shown. */
export function PresetChoice({ presets, value, onChange }: { presets: Preset[]; value: string; onChange: (id: string) => void }) {
  if (presets.length === 0) return null;
  const ordered = [...presets].sort((a, b) => Number(b.Default) - Number(a.Default));
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Preset</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {ordered.map((p) => (
          <label key={p.ID} className={card(p.ID === value)}>
            <input type="radio" name="preset" value={p.ID} checked={p.ID === value} onChange={() => onChange(p.ID)} className="mt-1" />
            <span>
              <span className="block font-medium">
                {p.Name}
                {p.Default && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">Default</span>}
              </span>
              {p.Description && <span className="block text-slate-600">{p.Description}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
