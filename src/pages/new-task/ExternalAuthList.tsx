import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { TemplateIcon } from "../../components/TemplateIcon.tsx";
import { describeError } from "../../lib/errors.ts";
import { safeHttpUrl } from "../../lib/safe-url.ts";
import type { ExternalAuthState } from "./use-external-auth.ts";

const button = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60";

/** The accounts the template's agent works with: each connected, or a button that connects it. */
export function ExternalAuthList({ auth }: { auth: ExternalAuthState }) {
  const { query, providers } = auth;
  if (query.isError) {
    return (
      <ErrorBanner
        error={describeError(query.error)}
        title="Could not check which accounts the template needs, so the task cannot be created yet"
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (providers.length === 0) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">External accounts</legend>
      <ul className="space-y-2">
        {providers.map((p) => {
          const name = p.display_name || p.id;
          const isWaiting = auth.waitingFor === p.id;
          return (
            <li key={p.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm">
              <TemplateIcon icon={p.display_icon} size={20} />
              <span className="font-medium">{name}</span>
              {p.optional && <span className="text-slate-500">(optional)</span>}
              {p.authenticated ? (
                <span className="text-green-800">✓ Connected</span>
              ) : safeHttpUrl(p.authenticate_url) === null ? (
                <span className="text-red-800">✕ Not connected, and Coder gave no usable link to connect it</span>
              ) : (
                <>
                  <span className="text-slate-600">{p.optional ? "Not connected" : "✕ Not connected: required"}</span>
                  <button type="button" className={button} disabled={isWaiting} onClick={() => auth.connect(p)}>
                    {isWaiting ? `Waiting for ${name}…` : auth.gaveUpOn === p.id ? `Retry connecting ${name}` : `Connect ${name}`}
                  </button>
                </>
              )}
              {isWaiting && (
                <span role="status" className="basis-full text-slate-600">
                  Finish in the window that opened; this page notices on its own.
                </span>
              )}
              {auth.gaveUpOn === p.id && (
                <span role="status" className="basis-full text-amber-800">
                  {name} was not connected within a minute. If the window asked you to sign in, do so and try again.
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
