import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { routeKey, type RouteDefinition } from '../routes';
import { SyncingResponse } from '../schemas/sync';

/** The contract's error body; `details` only on 400 VALIDATION_ERROR. */
export const ErrorBody = z
  .object({
    success: z.literal(false),
    error: z.string().meta({ description: 'A human message, safe to show' }),
    code: z.string().meta({
      description: 'Stable machine code',
      examples: ['VALIDATION_ERROR', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'],
    }),
    details: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'The failing fields (400 VALIDATION_ERROR only)' }),
  })
  // The id makes the generator emit it once as components.schemas.Error.
  .meta({ id: 'Error', description: 'Every error answer: {success:false, error, code, details?}' });

interface ErrorResponse {
  readonly name: string;
  readonly description: string;
  readonly retryAfter?: boolean;
}

/** One shared response component per error status the contract names. */
const ERROR_RESPONSES: Readonly<Record<number, ErrorResponse>> = {
  400: { name: 'ValidationError', description: 'VALIDATION_ERROR: the body, path or query failed validation (unknown body fields included); `details` lists the failing fields' },
  401: { name: 'Unauthenticated', description: 'UNAUTHENTICATED: no token, bad signature, expired, wrong issuer/audience/token use, or removed member' },
  402: { name: 'PlanLimitExceeded', description: "PLAN_LIMIT_EXCEEDED: the action would exceed the plan's limits; nothing was changed" },
  403: { name: 'Forbidden', description: "FORBIDDEN (or EMAIL_NOT_VERIFIED at login): the role or the organization's privacy settings do not allow it" },
  404: { name: 'NotFound', description: 'NOT_FOUND: missing, or belonging to another organization (never says which)' },
  409: { name: 'Conflict', description: 'CONFLICT: duplicate email or organization name, or a concurrent change lost its condition; GITHUB_NOT_CONNECTED on the analytics of an organization that has not connected GitHub' },
  410: { name: 'Gone', description: 'GONE: the invitation token expired, was revoked or was already used' },
  429: {
    name: 'RateLimited',
    description: 'RATE_LIMITED: per-organization or per-IP limit reached',
    retryAfter: true,
  },
  500: { name: 'Internal', description: 'INTERNAL: an unexpected failure (no internal detail in the body)' },
  503: { name: 'ServiceUnavailable', description: "SERVICE_UNAVAILABLE: GitHub is out of reach while connecting, or the account's guess counter at login; retry later" },
};

/** Error statuses a route answers beyond those implied by its schemas, its access and its path parameters (from the contract). */
const ROUTE_ERRORS: Readonly<Record<string, readonly number[]>> = {
  'POST /auth/signup': [409],
  'POST /auth/login': [401, 403, 404, 409, 503],
  'POST /auth/refresh': [401, 409],
  'POST /auth/switch-organization': [404],
  'POST /team/invite': [402, 409],
  'GET /invite/accept': [410],
  'POST /invite/complete': [401, 409, 410],
  'PATCH /team/members/{userId}': [409],
  'DELETE /team/members/{userId}': [409],
  'PUT /organization/settings': [409],
  'PUT /organization/plan': [402, 409],
  'GET /ai/code-quality/{githubUsername}': [409],
  'GET /ai/team-performance/{organizationId}': [409],
  'POST /ai/generate-report/{organizationId}': [409],
  // 401: a missing or wrong X-Hub-Signature-256; 400: signed, but not a GitHub delivery (headers, JSON).
  'POST /webhooks/github': [400, 401],
};

const SUCCESS_STATUS: Readonly<Record<string, number>> = {
  'POST /auth/signup': 201,
  'POST /team/invite': 201,
  'POST /invite/complete': 201,
  'POST /ai/generate-report/{organizationId}': 201,
  'POST /reports/{reportId}/email': 202,
  'POST /webhooks/github': 202,
  // Marked for erasure; the erasure itself runs on its queue.
  'DELETE /organization': 202,
};

const BINARY_RESPONSES: Readonly<Record<string, string>> = {
  'GET /reports/{reportId}/pdf': 'application/pdf',
};

export function registerErrorComponents(registry: OpenAPIRegistry): void {
  for (const { name, description, retryAfter } of Object.values(ERROR_RESPONSES)) {
    registry.registerComponent('responses', name, {
      description,
      ...(retryAfter
        ? { headers: { 'retry-after': { description: 'Seconds to wait before retrying', required: true, schema: { type: 'integer', minimum: 1 } } } }
        : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  }
}

export function successStatus(route: RouteDefinition): number {
  return SUCCESS_STATUS[routeKey(route)] ?? (route.method === 'DELETE' ? 204 : 200);
}

function successResponse(route: RouteDefinition): ResponseConfig {
  const status = successStatus(route);
  if (status === 204) return { description: 'Done; no body' };
  const binary = BINARY_RESPONSES[routeKey(route)];
  if (binary) return { description: 'The file', content: { [binary]: { schema: { type: 'string', format: 'binary' } } } };
  // Every route that answers JSON declares its body: test/unit/openapi-responses.test.ts holds them to it.
  if (!route.response) throw new Error(`${routeKey(route)} answers JSON but declares no response schema`);
  return { description: 'Success', content: { 'application/json': { schema: route.response } } };
}

function errorStatuses(route: RouteDefinition): number[] {
  const statuses = new Set<number>([429, 500, ...(ROUTE_ERRORS[routeKey(route)] ?? [])]);
  if (route.body || route.query || route.params) statuses.add(400);
  if (route.access !== 'public') [401, 403].forEach((status) => statuses.add(status));
  if (route.params) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

/** Routes that answer `202 syncing` before the organization's first sync has finished (contract "Sync"). */
const SYNCING_ROUTES = new Set(['GET /ai/code-quality/{githubUsername}', 'GET /ai/team-performance/{organizationId}', 'POST /ai/generate-report/{organizationId}']);

const SYNCING_RESPONSE: ResponseConfig = {
  description: 'The organization\'s first sync has not finished: {"success":true,"status":"syncing","sync":{…as GET /sync}}; ask again after retry-after',
  headers: { 'retry-after': { description: 'Seconds to wait before asking again', required: true, schema: { type: 'integer', minimum: 1 } } },
  content: { 'application/json': { schema: SyncingResponse } },
};

/** The success answer and a `$ref` to the shared component for each error the route can give. */
export function responsesFor(route: RouteDefinition): Record<string, ResponseConfig | { $ref: string }> {
  const responses: Record<string, ResponseConfig | { $ref: string }> = { [successStatus(route)]: successResponse(route) };
  if (SYNCING_ROUTES.has(routeKey(route))) responses[202] = SYNCING_RESPONSE;
  for (const status of errorStatuses(route)) {
    const error = ERROR_RESPONSES[status];
    if (!error) throw new Error(`No error response component for status ${status}`);
    responses[status] = { $ref: `#/components/responses/${error.name}` };
  }
  return responses;
}
