import type { z } from 'zod';
import { ANY_ROLE, type Role } from './domain/roles';
import { LoginBody, RefreshBody, ResendVerificationBody, SignupBody, VerifyBody } from './schemas/auth';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, or an authenticated member holding one of these roles. */
export type Access = 'public' | readonly Role[];

/**
 * What a route's Lambda touches. The CDK app grants exactly these and nothing
 * else, so a route's IAM policy is read off this table.
 */
export type Capability = 'table:read' | 'table:write' | 'cognito:admin' | 'email:send';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway style: `/team/members/{userId}`. */
  readonly path: string;
  /** Module under `src/handlers/`, without extension; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly summary: string;
  readonly uses: readonly Capability[];
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
}

const TABLE_RW = ['table:read', 'table:write'] as const satisfies readonly Capability[];

export const routes = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health/get-health',
    access: 'public',
    summary: 'Liveness check',
    uses: [],
  },
  {
    method: 'POST',
    path: '/auth/signup',
    handler: 'auth/signup',
    access: 'public',
    summary: 'Create an organization and its first admin; sends a verification code',
    uses: [...TABLE_RW, 'cognito:admin', 'email:send'],
    body: SignupBody,
  },
  {
    method: 'POST',
    path: '/auth/verify',
    handler: 'auth/verify',
    access: 'public',
    summary: 'Confirm an email address with the emailed 6-digit code',
    uses: [...TABLE_RW, 'cognito:admin'],
    body: VerifyBody,
  },
  {
    method: 'POST',
    path: '/auth/resend-verification',
    handler: 'auth/resend-verification',
    access: 'public',
    summary: 'Send a new verification code (always answers 200)',
    uses: [...TABLE_RW, 'email:send'],
    body: ResendVerificationBody,
  },
  {
    method: 'POST',
    path: '/auth/login',
    handler: 'auth/login',
    access: 'public',
    summary: 'Exchange email and password for tokens scoped to the active organization',
    uses: ['table:read'],
    body: LoginBody,
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    handler: 'auth/refresh',
    access: 'public',
    summary: 'Exchange a refresh token for a new access token',
    uses: [],
    body: RefreshBody,
  },
  {
    method: 'GET',
    path: '/me',
    handler: 'me/get-me',
    access: ANY_ROLE,
    summary: 'The caller, the active organization and every membership',
    uses: ['table:read'],
  },
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
