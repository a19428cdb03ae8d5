import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { config } from '../config';
import { authenticate, requireRole } from '../guard/tenant-guard';
import type { TenantContext } from '../guard/tenant-context';
import { routeKey, type RouteDefinition } from '../routes';
import { logger, setLogLevel, type Logger } from './logger';
import { enableMetrics, recordRequestMetrics } from './metrics';
import { FirstSyncPendingError, WrongCodeError } from '../errors';
import { SyncingResponse } from '../schemas/sync';
import { enforceClientLimit, enforceOrganizationLimit, isRateLimited, recordFailedAuthentication } from './rate-limits';
import { normalizeHeaders, parseInput, type Headers } from './request';
import { currentRequestScope, runInRequestScope } from './request-scope';
import { isShown } from './error-responses';
import { errorResult, internalErrorResult, toApiGatewayResult, type HttpResult } from './responses';

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface HandlerInput<R extends RouteDefinition> {
  readonly body: R['rawBody'] extends true ? string : Infer<R['body']>;
  readonly query: Infer<R['query']>;
  readonly params: Infer<R['params']>;
  readonly tenant: R['access'] extends 'public' ? undefined : TenantContext;
  readonly headers: Headers;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly log: Logger;
}

export type LambdaHandler = (event: APIGatewayProxyEvent, context?: Context) => Promise<APIGatewayProxyResult>;

/** The SPA is served from APP_URL; only it may read the API's answers in a browser. */
function corsHeaders(): Record<string, string> {
  try {
    return { 'access-control-allow-origin': config().appUrl, vary: 'origin' };
  } catch {
    return {};
  }
}

function callCountHeaders(operations: readonly string[]): Record<string, string> {
  try {
    if (!config().exposeCallCounts) return {};
  } catch {
    return {};
  }
  return { 'x-ddb-calls': String(operations.length), 'x-ddb-operations': operations.join(',') };
}

function validatesResponses(): boolean {
  try {
    return config().validateResponses;
  } catch {
    return false;
  }
}

/**
 * With VALIDATE_RESPONSES on (the test stack), a success body that its
 * schema does not describe is answered 500 INTERNAL, so every body the
 * integration suite receives is checked against the OpenAPI document the
 * web app is typed from. It checks the JSON as sent (dates as strings,
 * undefined fields gone), not the object the handler built.
 */
function checkedResponse(schema: z.ZodType | undefined, result: HttpResult, log: Logger, requestId: string): HttpResult {
  if (!schema || result.body === undefined || result.statusCode >= 300 || !validatesResponses()) return result;
  const checked = schema.safeParse(JSON.parse(JSON.stringify(result.body)));
  if (checked.success) return result;
  // `kind`, not `code`: the logger redacts fields named like a verification code.
  const issues = checked.error.issues.map(({ path, code, message }) => ({ path: path.join('.'), kind: code, message }));
  log.error('response does not match its schema', { status: result.statusCode, issues });
  return internalErrorResult(requestId);
}

function toErrorResult(error: unknown, log: Logger, requestId: string): HttpResult {
  if (isShown(error)) return errorResult(error);
  log.error('request failed', { error });
  return internalErrorResult(requestId);
}

/**
 * Wraps a route's business logic: authenticate and authorize from the route
 * table, validate input, map every error to the contract's shape, log one
 * line per request. Handlers never catch, parse or map errors themselves.
 */
export function http<R extends RouteDefinition>(
  route: R,
  run: (input: HandlerInput<R>) => Promise<HttpResult>,
): LambdaHandler {
  return (event, context) => runInRequestScope(() => handle(route, run, event, context));
}

async function handle<R extends RouteDefinition>(
  route: R,
  run: (input: HandlerInput<R>) => Promise<HttpResult>,
  event: APIGatewayProxyEvent,
  context: Context | undefined,
): Promise<APIGatewayProxyResult> {
  const started = performance.now();
  const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? randomUUID();
  const sourceIp = event.requestContext?.identity?.sourceIp ?? 'unknown';
  let log = logger.child({ requestId, route: routeKey(route) });
  const now = Date.now();
  let limited = false;
  let wrongCode = false;
  let result: HttpResult;
  try {
    setLogLevel(config().logLevel);
    enableMetrics(config().metricsEnabled);
    limited = isRateLimited(route);
    const headers = normalizeHeaders(event);
    // In this order, each step before the next starts: a client over its limit never reaches token
    // verification (a fast 401 cannot outrun the refusal), and an organization's budget is spent
    // only by requests whose membership the guard confirmed (a removed member's old token spends nothing).
    if (limited) await enforceClientLimit(sourceIp, now, log);
    let tenant: TenantContext | undefined;
    if (route.access !== 'public') {
      tenant = await authenticate(headers['authorization'], log);
      log = log.child({ orgId: tenant.orgId, userId: tenant.userId });
      if (limited) await enforceOrganizationLimit(tenant, now, log);
      requireRole(tenant, route.access);
    }
    const input = parseInput(route, event, headers);
    result = checkedResponse(route.response, await run({ ...input, tenant, headers, requestId, sourceIp, log } as HandlerInput<R>), log, requestId);
  } catch (error) {
    wrongCode = error instanceof WrongCodeError;
    result = toErrorResult(error, log, requestId);
    // Not an error to the client: the 202 answer of an analysis before the first sync finished.
    if (error instanceof FirstSyncPendingError) result = checkedResponse(SyncingResponse, result, log, requestId);
  }
  if (limited && (result.statusCode === 401 || wrongCode)) await recordFailedAuthentication(sourceIp, now, log);
  const operations = currentRequestScope()?.dynamodbOperations ?? [];
  const durationMs = Math.round(performance.now() - started);
  log.info('request', { status: result.statusCode, durationMs, dynamodbCalls: operations.length });
  recordRequestMetrics(routeKey(route), result.statusCode, durationMs, operations.length, log);
  const headers = { ...corsHeaders(), ...callCountHeaders(operations), ...result.headers };
  return toApiGatewayResult({ ...result, headers }, requestId);
}
