import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { Field } from "../../components/Field.tsx";
import { ThemeRoot } from "../../components/theme.tsx";
import { ChoiceGroup } from "../../components/ChoiceGroup.tsx";
import { describeError, isPasswordSignInDisabled } from "../../lib/errors.ts";
import { safeNextPath } from "../../lib/next-path.ts";
import { useSignIn, type SignIn } from "../../queries/auth.ts";
import { useSessionToken } from "../../queries/session.ts";

type Method = "password" | "token";

const METHODS = [
  { value: "password", label: "Coder account" },
  { value: "token", label: "Token" },
] as const;

/** Why the user is on this page, from the session guard: said once, above the form. */
const WHY: Record<string, string> = {
  "signed-out": "You have signed out.",
  expired: "Your session expired. Sign in again to carry on where you were.",
  revoked: "Your session is no longer valid: it was revoked, or ended on another device. Sign in again to carry on.",
};

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const why = WHY[params.get("reason") ?? ""];
  const navigate = useNavigate();
  const token = useSessionToken();
  const signIn = useSignIn();
  const [chosen, setMethod] = useState<Method>("password");
  const [hasPassword, setHasPassword] = useState(true);
  const method: Method = hasPassword ? chosen : "token";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pastedToken, setPastedToken] = useState("");
  const [remember, setRemember] = useState(false);

  if (token && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const input: SignIn =
      method === "password" ? { kind: "password", email, password, remember } : { kind: "token", token: pastedToken, remember };
    signIn.mutate(input, {
      onSuccess: () => navigate(next, { replace: true }),
      // Deployments with only OIDC or GitHub sign-in refuse passwords; a pasted token still works there.
      onError: (e) => {
        if (isPasswordSignInDisabled(e)) setHasPassword(false);
      },
    });
  };

  const error = signIn.error ? describeError(signIn.error) : null;
  const fieldError = (field: string) => error?.validations.find((v) => v.field === field)?.detail;

  return (
    <ThemeRoot>
      <main className="mx-auto max-w-sm px-4 pt-16">
        {why && (
          <p role="status" className="mb-4 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {why}
          </p>
        )}
        <h1 className="mb-1 text-2xl font-semibold">Sign in to Coder Tasks</h1>
        <p className="mb-6 text-sm text-slate-600">
          {hasPassword
            ? "Use your Coder account, or paste a session token."
            : "This Coder deployment does not allow password sign-in: paste a session token instead."}
        </p>
        {hasPassword && (
          <div className="mb-4">
            <ChoiceGroup label="Sign-in method" options={METHODS} value={method} onChange={setMethod} />
          </div>
        )}
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error && <ErrorBanner error={error} title="Sign-in failed" />}
          {method === "password" ? (
            <>
              <Field label="Email" error={fieldError("email")}>
                {(props) => (
                  <input
                    {...props}
                    type="email"
                    autoComplete="username"
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                    required
                  />
                )}
              </Field>
              <Field label="Password" error={fieldError("password")}>
                {(props) => (
                  <input
                    {...props}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    required
                  />
                )}
              </Field>
            </>
          ) : (
            <Field label="Session token" hint="From `coder tokens create` or your Coder account settings.">
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="off"
                  value={pastedToken}
                  onChange={(e) => setPastedToken(e.target.value)}
                  required
                />
              )}
            </Field>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember me on this device
          </label>
          <button
            type="submit"
            disabled={signIn.isPending}
            className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
          >
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </main>
    </ThemeRoot>
  );
}
