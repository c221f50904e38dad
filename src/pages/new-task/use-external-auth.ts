import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { safeHttpUrl } from "../../lib/safe-url.ts";
import { externalAuthQuery } from "../../queries/directory.ts";
import type { TemplateVersionExternalAuth } from "../../wire/types.ts";

/** How often the list is asked again while a connect window is open, and for how long, as Coder's own form. */
const POLL_MS = 1_000;
const GIVE_UP_MS = 60_000;

const isConnected = (data: TemplateVersionExternalAuth[] | undefined, id: string) =>
  data?.some((p) => p.id === id && p.authenticated) ?? false;

export interface ExternalAuthState {
  providers: TemplateVersionExternalAuth[];
  /** Required providers not connected yet: the form cannot be submitted while there are any. */
  missing: TemplateVersionExternalAuth[];
  query: UseQueryResult<TemplateVersionExternalAuth[]>;
  /** The provider whose connect window was opened and is being waited for. */
  waitingFor: string | null;
  /** The provider that did not connect within a minute of opening its window. */
  gaveUpOn: string | null;
  connect: (provider: TemplateVersionExternalAuth) => void;
}

/**
 * The external auth a version needs, for the signed-in user. Connecting opens Coder's page in a window and
 * asks again every second until the provider says connected (or a minute passes); coming back to the tab
 * asks again too.
 */
export function useExternalAuth(versionId: string, enabled: boolean): ExternalAuthState {
  const [waiting, setWaiting] = useState<{ id: string; since: number } | null>(null);
  const [gaveUpOn, setGaveUpOn] = useState<string | null>(null);
  const query = useQuery({
    ...externalAuthQuery(versionId),
    enabled: enabled && versionId !== "",
    refetchInterval: (q) => (waiting !== null && !isConnected(q.state.data, waiting.id) ? POLL_MS : false),
  });
  const providers = query.data ?? [];
  const stillWaiting = waiting !== null && !isConnected(query.data, waiting.id) ? waiting : null;

  useEffect(() => {
    if (stillWaiting === null) return;
    const timer = setTimeout(
      () => {
        setGaveUpOn(stillWaiting.id);
        setWaiting(null);
      },
      stillWaiting.since + GIVE_UP_MS - Date.now(),
    );
    return () => clearTimeout(timer);
  }, [stillWaiting]);

  const connect = (provider: TemplateVersionExternalAuth) => {
    const url = safeHttpUrl(provider.authenticate_url);
    if (!url) return;
    window.open(url.href, "_blank", "width=900,height=600,noopener");
    setGaveUpOn(null);
    setWaiting({ id: provider.id, since: Date.now() });
  };

  return {
    providers,
    missing: providers.filter((p) => !p.optional && !p.authenticated),
    query,
    waitingFor: stillWaiting?.id ?? null,
    gaveUpOn,
    connect,
  };
}
