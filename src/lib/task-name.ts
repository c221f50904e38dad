/** Coder's rules for a task name (codersdk.NameValid), checked as the user types: a reason, or null. */
export function taskNameProblem(name: string): string | null {
  if (name === "") return null;
  if (name.length > 32) return `At most 32 characters (this is ${name.length}).`;
  if (name === "new" || name === "create") return `"${name}" is reserved; choose another name.`;
  if (!/^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/.test(name)) {
    return "Letters and digits only, with single hyphens between them (no spaces, and no hyphen at either end).";
  }
  return null;
}

/** Coder counts the display name's limit in UTF-8 bytes, after trimming. */
export function displayNameProblem(displayName: string): string | null {
  const bytes = new TextEncoder().encode(displayName.trim()).length;
  return bytes > 64 ? `At most 64 bytes; this is ${bytes} (letters like é or emoji take more than one).` : null;
}
