import { CoderError, type ValidationError } from "./errors.ts";

/**
 * Coder's searchTerms: lower-case everything, split on spaces outside double quotes, then on the colon
 * outside them, drop the quotes,
 * `key:value` tokens become params and every bare word is joined into one value for `bareKey`.
 */
export function parseQuery(raw: string, bareKey: string, allowed: readonly string[], failure: string): Map<string, string> {
  const query = raw.toLowerCase();
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    if (ch === " " && !quoted) {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);

  const validations: ValidationError[] = [];
  const values = new Map<string, string[]>();
  const bare: string[] = [];
  for (const element of tokens) {
    // A colon inside quotes belongs to the value (`last_used_after:"2026-01-02T03:04:05Z"`), as in Coder.
    const parts = splitOutsideQuotes(element, ":").map((part) => part.replaceAll('"', ""));
    const token = element.replaceAll('"', "");
    if (element.startsWith(":") || element.endsWith(":")) {
      validations.push({ field: "q", detail: `Query element "${token}" cannot start or end with ':'` });
      continue;
    }
    if (parts.length === 1) {
      if (token) bare.push(token);
      continue;
    }
    if (parts.length > 2) {
      validations.push({ field: "q", detail: `Query element "${token}" can only contain 1 ':'` });
      continue;
    }
    const [key = "", value = ""] = parts;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  if (bare.length > 0) values.set(bareKey, [...(values.get(bareKey) ?? []), bare.join(" ")]);
  if (validations.length > 0) throw new CoderError(400, failure, undefined, validations);

  const params = new Map<string, string>();
  for (const [key, list] of values) {
    if (!allowed.includes(key)) {
      validations.push({ field: key, detail: `"${key}" is not a valid query param` });
    } else if (list.length > 1) {
      validations.push({
        field: key,
        detail: `Query param "${key}" provided more than once, found ${list.length} times. Only provide 1 instance of this query param.`,
      });
    } else {
      params.set(key, list[0] ?? "");
    }
  }
  if (validations.length > 0) throw new CoderError(400, failure, undefined, validations);
  return params;
}

function splitOutsideQuotes(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === delimiter && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}
