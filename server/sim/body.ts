import { CoderError } from "./errors.ts";

/**
 * Reads a JSON body the way Go's encoding/json does for Coder's request structs: unknown fields are
 * ignored, a wrong type is an error naming the struct field, and the result is typed.
 */
export type FieldType = "string" | "uuid" | "boolean";
export type Schema = Record<string, FieldType>;
type Decoded<S extends Schema> = { [K in keyof S]?: S[K] extends "boolean" ? boolean : string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}

const invalidJson = (detail: string) => new CoderError(400, "Request body must be valid JSON.", detail);

export function decodeBody<S extends Schema>(text: string, structName: string, schema: S): Decoded<S> {
  let parsed: unknown;
  try {
    parsed = text.trim() === "" ? undefined : JSON.parse(text);
  } catch (error) {
    throw invalidJson(error instanceof Error ? error.message : "invalid JSON");
  }
  if (parsed === undefined) throw invalidJson("EOF");
  if (parsed === null) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidJson(`json: cannot unmarshal ${jsonKind(parsed)} into Go value of type codersdk.${structName}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(schema)) {
    const value = (parsed as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const expected = type === "boolean" ? "boolean" : "string";
    if (typeof value !== expected) {
      throw invalidJson(
        `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${structName}.${key} of type ${type === "uuid" ? "uuid.UUID" : expected === "boolean" ? "bool" : "string"}`,
      );
    }
    if (type === "uuid" && typeof value === "string" && !isUuid(value)) {
      throw invalidJson(`invalid UUID length: ${value.length}`);
    }
    out[key] = value;
  }
  return out as Decoded<S>;
}
