import { readUserItem, writeUserItem } from "../../lib/user-storage.ts";

/**
 * The create form's draft, kept in the browser under the user's id until the task is created, so neither a
 * reload nor a failed submit loses what was typed, and the next person to sign in never sees it. Reads are
 * defensive: storage holds whatever an older version left there.
 */
export interface TaskDraft {
  prompt: string;
  name: string;
  displayName: string;
  templateId: string;
  presetId: string;
}

const NAME = "new-task-draft";
export const EMPTY_DRAFT: TaskDraft = { prompt: "", name: "", displayName: "", templateId: "", presetId: "" };

export function loadDraft(userId: string): TaskDraft {
  try {
    const parsed: unknown = JSON.parse(readUserItem(userId, NAME) ?? "null");
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

export function saveDraft(userId: string, draft: TaskDraft): void {
  writeUserItem(userId, NAME, Object.values(draft).every((v) => v === "") ? null : JSON.stringify(draft));
}

export function clearDraft(userId: string): void {
  writeUserItem(userId, NAME, null);
}
