import type { RouteObject } from 'react-router-dom';
import { LoadingScreen } from '../../components/status-panels';

/** Loaded when first opened: the dashboard's charts (recharts) stay out of every other screen's bundle. */
export const dashboardRoutes: RouteObject[] = [
  {
    path: '/dashboard',
    HydrateFallback: LoadingScreen,
    lazy: async () => ({ Component: (await import('./dashboard')).DashboardScreen }),
  },
];
