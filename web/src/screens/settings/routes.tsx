import type { RouteObject } from 'react-router-dom';

/** The organization's settings, privacy, plan, export and deletion (admins). */
export const settingsRoutes: RouteObject[] = [
  {
    path: '/settings',
    lazy: () => import('./settings-screen').then((module) => ({ Component: module.SettingsScreen })),
    hydrateFallbackElement: <p role="status">Loading the settings…</p>,
  },
];
