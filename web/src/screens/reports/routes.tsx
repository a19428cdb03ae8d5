import type { RouteObject } from 'react-router-dom';

/** Reports (admins and viewers): the list, one report as this reader may see it, its PDF and email. */
export const reportsRoutes: RouteObject[] = [
  {
    path: '/reports',
    lazy: () => import('./reports-screen').then((module) => ({ Component: module.ReportsScreen })),
    hydrateFallbackElement: <p role="status">Loading the reports…</p>,
  },
  {
    path: '/reports/:reportId',
    lazy: () => import('./report-screen').then((module) => ({ Component: module.ReportScreen })),
    hydrateFallbackElement: <p role="status">Loading the report…</p>,
  },
];
