import type { RouteObject } from 'react-router-dom';
import { LoadingScreen } from '../../components/status-panels';

/** Loaded when first opened, with their chart. */
export const peopleRoutes: RouteObject[] = [
  {
    path: '/people/:githubUsername',
    HydrateFallback: LoadingScreen,
    lazy: async () => ({ Component: (await import('./person')).PersonScreen }),
  },
];
