/**
 * The create form's draft, kept in localStorage until the task is created, so neither a reload nor a failed
 * submit loses what was typed. Reads are defensive: storage holds whatever an older version left there.
 */
export interface TaskDraft {
  prompt: string;
  name: string;
  displayName: string;
  templateId: string;
  presetId: string;
}

const KEY = "coder-tasks.new-task-draft";
export const EMPTY_DRAFT: TaskDraft = { prompt: "", name: "", displayName: "", templateId: "", presetId: "" };

export function loadDraft(): TaskDraft {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? "null");
    if (!parsed || typeof parsed !== "object") return EMPTY_DRAFT;
    const draft = { ...EMPTY_DRAFT };
    for (const key of Object.keys(EMPTY_DRAFT) as (keyof TaskDraft)[]) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === "string") draft[key] = value;
    }
    return draft;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(draft: TaskDraft): void {
  try {
    if (Object.values(draft).every((v) => v === "")) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, it just cannot survive a reload.
  }
}

export function clearDraft(): void {
  window.localStorage.removeItem(KEY);
}
