import type { RouteObject } from 'react-router-dom';

/** Team management: the members for everyone, invitations and changes for admins. */
export const teamRoutes: RouteObject[] = [
  {
    path: '/team',
    lazy: () => import('./team-screen').then((module) => ({ Component: module.TeamScreen })),
    hydrateFallbackElement: <p role="status">Loading the team…</p>,
  },
];
