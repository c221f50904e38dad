import type { Context } from "hono";
import { CoderError } from "./errors.ts";

/**
 * The one place request bodies are read. JSON is decoded the way Go's encoding/json fills Coder's request
 * structs: unknown fields are ignored, null is the zero value, a wrong type is an error naming the struct
 * field, and the result is typed by the schema.
 */
export type FieldType = "string" | "uuid" | "boolean" | "number" | "integer";
export type Schema = Record<string, FieldType>;
type Decoded<S extends Schema> = {
  [K in keyof S]?: S[K] extends "boolean" ? boolean : S[K] extends "number" | "integer" ? number : string;
};

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

const GO_TYPE: Record<FieldType, string> = {
  string: "string",
  uuid: "uuid.UUID",
  boolean: "bool",
  number: "float64",
  integer: "int64",
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}

const invalidJson = (detail: string) => new CoderError(400, "Request body must be valid JSON.", detail);

/** The body as text, so bad JSON gets Coder's message rather than a framework's. */
export async function readBodyText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch {
    throw invalidJson("the request body could not be read");
  }
}

/** Any JSON value, or `failure` (Coder's message for the endpoint) with the parser's words as detail. */
export function parseJson(text: string, failure = "Request body must be valid JSON."): unknown {
  if (text.trim() === "") throw new CoderError(400, failure, "EOF");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CoderError(400, failure, error instanceof Error ? error.message : "invalid JSON");
  }
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value);
    default:
      return typeof value === "string";
  }
}

export function decodeBody<S extends Schema>(text: string, structName: string, schema: S): Decoded<S> {
  return decodeValue(parseJson(text), structName, schema);
}

/** One already-parsed JSON value as a struct of `schema`: for bodies with nested objects, one level at a time. */
export function decodeValue<S extends Schema>(parsed: unknown, structName: string, schema: S): Decoded<S> {
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidJson(`json: cannot unmarshal ${jsonKind(parsed)} into Go value of type codersdk.${structName}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(schema)) {
    const value = (parsed as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (!fits(value, type)) {
      // Go names the number only when it is a number that does not fit an integer field.
      const kind = typeof value === "number" && type === "integer" ? `number ${value}` : jsonKind(value);
      throw invalidJson(`json: cannot unmarshal ${kind} into Go struct field ${structName}.${key} of type ${GO_TYPE[type]}`);
    }
    if (type === "uuid" && !isUuid(value as string)) throw invalidJson(`invalid UUID length: ${(value as string).length}`);
    out[key] = value;
  }
  return out as Decoded<S>;
}

/** Reads and decodes a JSON request body in one step. */
export async function readBody<S extends Schema>(c: Context, structName: string, schema: S): Promise<Decoded<S>> {
  return decodeBody(await readBodyText(c), structName, schema);
}
