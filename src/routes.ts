import { accountRoutes } from './route-table/accounts';
import { analyticsRoutes } from './route-table/analytics';
import { githubRoutes } from './route-table/github';
import { teamRoutes } from './route-table/team';
import type { RouteDefinition } from './route-definition';
import { HealthResponse } from './schemas/common';

export * from './route-definition';

/**
 * THE route table: the CDK API, the local server and the OpenAPI document
 * are built from it. Its entries live by area in src/route-table/; this is
 * the one list, in this order.
 */
export const routes = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health/get-health',
    access: 'public',
    summary: 'Liveness check',
    uses: [],
    dynamodbBudget: 0,
    response: HealthResponse,
  },
  ...githubRoutes,
  ...accountRoutes,
  ...teamRoutes,
  ...analyticsRoutes,
] as const satisfies readonly RouteDefinition[];

export type Routes = typeof routes;
type AnyRoute = Routes[number];
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;
export type RouteKey = KeyOf<AnyRoute>;
export type RouteFor<K extends RouteKey> = AnyRoute extends infer R ? (R extends AnyRoute ? (KeyOf<R> extends K ? R : never) : never) : never;

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function route<K extends RouteKey>(key: K): RouteFor<K> {
  const found = routes.find((candidate) => routeKey(candidate) === key);
  if (!found) throw new Error(`No route ${key} in the route table`);
  return found as RouteFor<K>;
}
