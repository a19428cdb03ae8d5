import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../api/session';

/** Screens past this need a session; without one the person signs in and comes back here. */
export function RequireSession() {
  const current = useSession();
  const location = useLocation();
  if (!current) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
