import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { Layout } from './components/layout';
import { RequireSession } from './components/require-session';
import { homePathFor } from './components/home';
import { session } from './api/session';
import { authRoutes } from './screens/auth/routes';
import { dashboardRoutes } from './screens/dashboard/routes';
import { peopleRoutes } from './screens/people/routes';
import { auditRoutes } from './screens/audit/routes';
import { githubRoutes } from './screens/github/routes';
import { reportsRoutes } from './screens/reports/routes';
import { settingsRoutes } from './screens/settings/routes';
import { teamRoutes } from './screens/team/routes';

/**
 * Every screen, one module each under screens/<area>/, loaded when first
 * opened so the sign-in page does not carry the dashboard's charts.
 * Screens behind RequireSession need a signed-in session.
 */
export function createAppRouter() {
  const signedIn: RouteObject[] = [
    { index: true, element: <HomeRedirect /> },
    ...dashboardRoutes,
    ...peopleRoutes,
    ...teamRoutes,
    ...settingsRoutes,
    ...githubRoutes,
    ...reportsRoutes,
    ...auditRoutes,
  ];
  return createBrowserRouter([
    ...authRoutes,
    {
      element: <RequireSession />,
      children: [{ element: <Layout />, children: signedIn }],
    },
    { path: '*', element: <NotFound /> },
  ]);
}

function HomeRedirect() {
  const current = session.get();
  return <Navigate to={current ? homePathFor(current.user) : '/login'} replace />;
}

function NotFound() {
  return (
    <main className="centered">
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </main>
  );
}
