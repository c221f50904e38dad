import { deleteCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import type { LoginWithPasswordResponse, ValidationError } from "../../../src/wire/types.ts";
import { issueApiKey, SESSION_COOKIE, tokenFromRequest } from "../auth.ts";
import { isUuid, readBody } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import { canReadUser, canSeeOrganization } from "../rbac.ts";
import { authMethodsJson, buildInfoJson, organizationJson, userJson } from "../wire.ts";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sign-in, the signed-in user, users and organizations, build info. */
export function userHandlers(sim: Sim) {
  const { store, engine } = sim;

  const buildInfo = (c: Context) => c.json(buildInfoJson(new URL(c.req.url).origin, sim.version));

  const authMethods = (c: Context) => c.json(authMethodsJson());

  const login = async (c: Context) => {
    const body = await readBody(c, "LoginWithPasswordRequest", { email: "string", password: "string" });
    const email = body.email ?? "";
    const password = body.password ?? "";
    const validations: ValidationError[] = [];
    if (email === "") validations.push({ field: "email", detail: 'Validation failed for tag "required" with value: ""' });
    else if (!EMAIL_PATTERN.test(email)) {
      validations.push({ field: "email", detail: `Validation failed for tag "email" with value: "${email}"` });
    }
    if (password === "") validations.push({ field: "password", detail: 'Validation failed for tag "required" with value: ""' });
    if (validations.length > 0) throw new CoderError(400, "Validation failed.", undefined, validations);
    const user = store.userByEmail(email);
    if (!user || user.password !== password) throw new CoderError(401, "Incorrect email or password.");
    const token = issueApiKey(store, sim.random, user.id, engine.now());
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, path: "/", sameSite: "Lax" });
    return c.json({ session_token: token } satisfies LoginWithPasswordResponse, 201);
  };

  const logout = (c: SimContext) => {
    const token = tokenFromRequest(c);
    if (token) store.apiKeys.delete(token.split("-")[0] ?? "");
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ message: "Logged out!" });
  };

  const listUsers = (c: SimContext) => {
    const me = c.get("user");
    const search = (c.req.query("q") ?? "").toLowerCase().trim();
    const users = [...store.users.values()]
      .filter((u) => canReadUser(me, u))
      .filter((u) => !search || [u.username, u.name, u.email].some((v) => v.toLowerCase().includes(search)))
      .sort((a, b) => a.username.localeCompare(b.username));
    return c.json({ users: users.map((u) => userJson(u)), count: users.length });
  };

  const getUser = (c: SimContext) => {
    const me = c.get("user");
    const param = c.req.param("user") ?? "";
    if (param === "me") return c.json(userJson(me));
    const target = isUuid(param) ? store.users.get(param) : store.userByUsername(param);
    if (!target || !canReadUser(me, target)) throw notFound();
    return c.json(userJson(target));
  };

  const listOrganizations = (c: SimContext) => {
    const me = c.get("user");
    const orgs = [...store.organizations.values()].filter((o) => canSeeOrganization(me, o.id));
    return c.json(orgs.map(organizationJson));
  };

  return { buildInfo, authMethods, login, logout, listUsers, getUser, listOrganizations };
}
