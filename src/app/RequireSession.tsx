import { Navigate, Outlet, useLocation } from "react-router";
import { sessionEndReason, useSessionToken } from "../queries/session.ts";

/** Without a session, go to sign-in and come back here afterwards (unless the user signed out). */
export function RequireSession() {
  const token = useSessionToken();
  const location = useLocation();
  if (!token && sessionEndReason() === "signed-out") return <Navigate to="/login" replace />;
  if (!token) {
    const next = encodeURIComponent(location.pathname + location.search + location.hash);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}
