import { Navigate, Outlet, useLocation } from "react-router";
import { lastSessionEnd, useSessionToken } from "../queries/session.ts";

/**
 * Without a session, go to sign-in, which says why (signed out, expired, revoked), and come back here
 * afterwards unless the user signed out.
 */
export function RequireSession() {
  const token = useSessionToken();
  const location = useLocation();
  if (token) return <Outlet />;
  const reason = lastSessionEnd();
  const params = new URLSearchParams();
  if (reason !== "signed-out") params.set("next", location.pathname + location.search + location.hash);
  if (reason !== null) params.set("reason", reason);
  const query = params.toString();
  return <Navigate to={query ? `/login?${query}` : "/login"} replace />;
}
