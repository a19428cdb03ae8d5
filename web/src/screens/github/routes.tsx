import type { RouteObject } from 'react-router-dom';

/** The GitHub connection and its sync (admins); GitHub's install page sends the admin back here. */
export const githubRoutes: RouteObject[] = [
  {
    path: '/settings/github',
    lazy: () => import('./github-screen').then((module) => ({ Component: module.GithubScreen })),
    hydrateFallbackElement: <p role="status">Loading the GitHub connection…</p>,
  },
];
