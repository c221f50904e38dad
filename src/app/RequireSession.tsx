import { Navigate, Outlet, useLocation } from "react-router";
import { useSessionToken } from "../queries/session.ts";

/** Without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) {
    const next = encodeURIComponent(location.pathname + location.search + location.hash);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}
