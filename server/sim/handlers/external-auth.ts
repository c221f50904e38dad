import type { Context } from "hono";
import { isUuid, readBody } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { CoderError, notFound } from "../errors.ts";
import type { ExternalAuthProvider } from "../model.ts";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
${body}
</body>
</html>`;
}

/**
 * The page behind a version's `authenticate_url` (Coder's /external-auth/{id} and its OAuth callback), made
 * small: the dashboard's session is a header token, never a cookie here, so the page signs the user in to
 * Coder itself, as Coder's own page would send them to sign in first, and then links the provider.
 */
export function externalAuthHandlers(sim: Sim) {
  const { store } = sim;

  const providerOf = (c: Context): ExternalAuthProvider | undefined => store.externalAuthProviders.get(c.req.param("provider") ?? "");

  const signInForm = (provider: ExternalAuthProvider, problem = "", email = "") =>
    page(
      `Connect ${provider.displayName}`,
      `<h1>Connect ${escapeHtml(provider.displayName)}</h1>
<p>Sign in to Coder to let your workspaces use your ${escapeHtml(provider.displayName)} account.</p>
${problem ? `<p role="alert" style="color: #b91c1c">${escapeHtml(problem)}</p>` : ""}
<form method="post" action="/external-auth/${encodeURIComponent(provider.id)}/callback">
<p><label>Email<br><input name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"></label></p>
<p><label>Password<br><input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Sign in and connect ${escapeHtml(provider.displayName)}</button></p>
</form>`,
    );

  const unknownProvider = (c: Context) =>
    c.html(page("Not found", "<h1>This external auth provider is not configured on the deployment.</h1>"), 404);

  const show = (c: Context) => {
    const provider = providerOf(c);
    return provider ? c.html(signInForm(provider)) : unknownProvider(c);
  };

  const callback = async (c: Context) => {
    const provider = providerOf(c);
    if (!provider) return unknownProvider(c);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const email = typeof form.email === "string" ? form.email : "";
    const password = typeof form.password === "string" ? form.password : "";
    const user = store.userByEmail(email);
    if (!user || user.password !== password) return c.html(signInForm(provider, "Incorrect email or password.", email), 401);
    user.externalAuthLinks.add(provider.id);
    return c.html(
      page(
        `Connected ${provider.displayName}`,
        `<h1>You've authenticated with ${escapeHtml(provider.displayName)}!</h1>
<p>You are now authenticated. Feel free to close this window!</p>`,
      ),
    );
  };

  /** POST /sim/users/{user}/external-auth/{provider} {"authenticated": bool}: links or unlinks, for tests and demos. */
  const setLink = async (c: SimContext) => {
    const value = c.req.param("user") ?? "";
    const user = isUuid(value) ? store.users.get(value) : store.userByUsername(value);
    const provider = providerOf(c);
    if (!user || !provider) throw notFound();
    const { authenticated } = await readBody(c, "SimExternalAuthRequest", { authenticated: "boolean" });
    if (authenticated === undefined) {
      throw new CoderError(400, "Validation failed.", undefined, [
        { field: "authenticated", detail: "authenticated must be true or false" },
      ]);
    }
    if (authenticated) user.externalAuthLinks.add(provider.id);
    else user.externalAuthLinks.delete(provider.id);
    return c.json({ authenticated });
  };

  return { show, callback, setLink };
}
