import type { RouteObject } from 'react-router-dom';

/** The organization's audit log (admins), newest first. */
export const auditRoutes: RouteObject[] = [
  {
    path: '/audit',
    lazy: () => import('./audit-screen').then((module) => ({ Component: module.AuditScreen })),
    hydrateFallbackElement: <p role="status">Loading the audit log…</p>,
  },
];
