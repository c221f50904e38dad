import { isUuid } from "../body.ts";
import type { SimContext } from "../context.ts";
import { CoderError, notFound, type ValidationError } from "../errors.ts";
import type { User } from "../model.ts";
import { canReadUser } from "../rbac.ts";
import type { Store } from "../store.ts";

/** ExtractOrganizationMembersParam: `me`, a UUID or a username the caller may see; anything else is a 404. */
export function userParam(store: Store, c: SimContext): User {
  const me = c.get("user");
  const value = c.req.param("user") ?? "";
  if (value === "me") return me;
  const user = isUuid(value) ? store.users.get(value) : store.userByUsername(value);
  if (!user || !canReadUser(me, user)) throw notFound();
  return user;
}

/** httpmw.ParseUUIDParam: a path segment that must be a UUID. */
export function uuidParam(c: SimContext, name: string): string {
  const value = c.req.param(name) ?? "";
  if (!isUuid(value)) throw new CoderError(400, `Invalid UUID "${value}".`);
  return value.toLowerCase();
}

/** Go's strconv.ParseBool. */
export function parseGoBool(value: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return undefined;
}

/** Go's time.Parse with RFC 3339: milliseconds since the epoch, or NaN. */
export function parseRfc3339(value: string): number {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) ? Date.parse(value) : NaN;
}

/** `include_deleted`, as the workspace routes read it; `field` is the validation's field, which differs between them. */
export function includeDeleted(c: SimContext, field: string): boolean {
  const raw = c.req.query("include_deleted") ?? "";
  if (raw === "") return false;
  const value = parseGoBool(raw);
  if (value === undefined) {
    throw new CoderError(400, `Invalid boolean value "${raw}" for "include_deleted" query param.`, undefined, [
      { field, detail: "Must be a valid boolean" },
    ]);
  }
  return value;
}

export interface Pagination {
  /** 0 = no limit. */
  limit: number;
  offset: number;
  afterId: string | null;
}

const INT32_MAX = 2 ** 31 - 1;

/** coderd's parsePagination: limit and offset are positive 32-bit integers, after_id a UUID. */
export function parsePagination(c: SimContext): Pagination {
  const validations: ValidationError[] = [];
  const positiveInt32 = (name: string): number => {
    const raw = c.req.query(name) ?? "";
    if (raw === "") return 0;
    if (!/^[+-]?\d+$/.test(raw)) {
      validations.push({
        field: name,
        detail: `Query param "${name}" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "${raw}": invalid syntax`,
      });
      return 0;
    }
    const value = Number(raw);
    if (Math.abs(value) > INT32_MAX + (value < 0 ? 1 : 0)) {
      validations.push({
        field: name,
        detail: `Query param "${name}" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "${raw}": value out of range`,
      });
      return 0;
    }
    if (value < 0) {
      validations.push({ field: name, detail: `Query param "${name}" must be a valid 32-bit positive integer: value is negative` });
      return 0;
    }
    return value;
  };
  const limit = positiveInt32("limit");
  const offset = positiveInt32("offset");
  const rawAfter = c.req.query("after_id") ?? "";
  if (rawAfter !== "" && !isUuid(rawAfter)) validations.push({ field: "after_id", detail: `Query param "after_id" must be a valid uuid` });
  if (validations.length > 0) throw new CoderError(400, "Query parameters have invalid values.", undefined, validations);
  return { limit, offset, afterId: rawAfter === "" ? null : rawAfter.toLowerCase() };
}

/** One page of rows: after `after` (when given), skipping `offset`, at most `limit` (0 = all). */
export function page<T>(rows: T[], { limit, offset }: Pagination, startAt = 0): T[] {
  const from = startAt + offset;
  return limit === 0 ? rows.slice(from) : rows.slice(from, from + limit);
}
