import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { config } from '../config';
import { AppError, MethodNotAllowedError, NotFoundError, PayloadTooLargeError } from '../errors';
import { MAX_BODY_BYTES } from '../http/limits';
import { logger } from '../http/logger';
import { errorResult, internalErrorResult, ok, toApiGatewayResult, type HttpResult } from '../http/responses';
import { isScheduledJob, jobs } from '../jobs';
import { routes } from '../routes';
import { runJobNow } from './job-runner';
import type { QueueCounts } from './sqs-local';
import type { ScheduleRunner } from './schedule-runner';
import { listenLocally, type ListeningServer } from './listening';
import { handlerLoader } from './module-loader';
import { decodePathParameters, parseTarget, toLambdaContext, toProxyEvent } from './lambda-event';
import { createRouteMatcher, type PathTemplate } from './route-matcher';

/**
 * The local stand-in for API Gateway: each request becomes the proxy event
 * the route's Lambda would receive, and that Lambda's own handler module
 * answers it. Only what API Gateway itself decides (no such route, wrong
 * method, CORS preflight, body too large) is answered here.
 */
type LambdaHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface ApiServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The one origin browsers may call from (the SPA); defaults to APP_URL. */
  readonly allowOrigin?: string;
  /**
   * Serves `POST /_local/jobs/<name>` (LOCAL_JOB_CONTROLS, tests only): runs that scheduled job once, answers its counts;
   * `GET /_local/queues`: each queue job's visible, in-flight, delayed and dead-lettered messages;
   * `GET /_local/schedules`: the organizations' schedules; `POST /_local/schedules/<group>/<name>`: fires one now.
   */
  readonly jobControls?: boolean;
  readonly queueCounts?: () => Promise<readonly QueueCounts[]>;
  readonly schedules?: Pick<ScheduleRunner, 'list' | 'fire'>;
}

export type ApiServer = ListeningServer;

class BodyTooLarge {}

/** Local mode only: the API's OpenAPI document. Not a route, so no Lambda bundles the generator. */
const OPENAPI_PATH = '/openapi.json';
/** Local test hook only, never a route: `POST /_local/jobs/sweep-expired-signups`. */
const JOB_CONTROL_PREFIX = '/_local/jobs/';
const QUEUES_PATH = '/_local/queues';
const SCHEDULES_PATH = '/_local/schedules';
let openApi: Promise<object> | undefined;

function openApiDocument(): Promise<object> {
  if (!openApi) {
    openApi = import('../openapi/document').then(({ buildOpenApiDocument }) => buildOpenApiDocument());
    // A failed build is retried on the next request (the generator may be being edited).
    openApi.catch(() => (openApi = undefined));
  }
  return openApi;
}

/** A route's handler module, imported on its first request. */
const loadHandler = handlerLoader<LambdaHandler>('handlers');

/**
 * Past the limit the rest of the body is read and thrown away rather than the
 * connection closed: closing while the client still sends makes it see a
 * broken pipe (EPIPE) instead of the 413 (measured with fetch, bodies of 1 MB
 * and more). A client that keeps sending past this much more is cut off.
 */
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

function discardRest(request: IncomingMessage): BodyTooLarge {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) request.socket.destroy();
  });
  return new BodyTooLarge();
}

/** The body, or BodyTooLarge as soon as it passes MAX_BODY_BYTES (nothing more is kept). */
function readBody(request: IncomingMessage): Promise<Buffer | BodyTooLarge> {
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return Promise.resolve(discardRest(request));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.off('data', onData);
        resolve(discardRest(request));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResult, extraHeaders: Record<string, string> = {}): void {
  response.statusCode = result.statusCode;
  for (const [name, value] of Object.entries({ ...result.headers, ...extraHeaders })) response.setHeader(name.toLowerCase(), String(value));
  // As in API Gateway, a name in both maps takes its values from multiValueHeaders.
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) response.setHeader(name.toLowerCase(), values.map(String));
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body ?? '', 'utf8');
  response.end(body);
}

/** `GET /_local/schedules`, `POST /_local/schedules/<group>/<name>`: the local schedules, and firing one now. */
async function scheduleControl(schedules: Pick<ScheduleRunner, 'list' | 'fire'>, method: string, rest: string): Promise<HttpResult> {
  if (rest === '') return method === 'GET' ? ok({ schedules: await schedules.list() }) : errorResult(new MethodNotAllowedError(['GET']));
  const [group, name, ...more] = rest.slice(1).split('/').map(decodeURIComponent);
  if (!group || !name || more.length > 0) return errorResult(new NotFoundError());
  if (method !== 'POST') return errorResult(new MethodNotAllowedError(['POST']));
  const fired = await schedules.fire(group, name);
  return fired ? ok(fired) : errorResult(new NotFoundError('No such schedule'));
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const matchRoute = createRouteMatcher(routes);
  const allowOrigin = options.allowOrigin ?? config().appUrl;
  const corsHeaders = { 'access-control-allow-origin': allowOrigin };

  const answer = (response: ServerResponse, result: HttpResult, requestId: string) =>
    writeResult(response, toApiGatewayResult(result, requestId), corsHeaders);

  const preflight = (template: PathTemplate): HttpResult => ({
    statusCode: 204,
    headers: {
      'access-control-allow-methods': [...template.methods.keys(), 'OPTIONS'].join(', '),
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    },
  });

  async function serve(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<string> {
    const method = request.method ?? 'GET';
    const target = parseTarget(request.url);
    if (target?.path === OPENAPI_PATH) {
      answer(response, method === 'GET' ? ok(await openApiDocument()) : errorResult(new MethodNotAllowedError(['GET'])), requestId);
      return `${method} ${OPENAPI_PATH}`;
    }
    if (options.jobControls && target?.path.startsWith(JOB_CONTROL_PREFIX)) {
      const job = jobs.filter(isScheduledJob).find((candidate) => candidate.name === target.path.slice(JOB_CONTROL_PREFIX.length));
      if (!job) answer(response, errorResult(new NotFoundError()), requestId);
      else if (method !== 'POST') answer(response, errorResult(new MethodNotAllowedError(['POST'])), requestId);
      else answer(response, ok(await runJobNow(job)), requestId);
      return `${method} ${JOB_CONTROL_PREFIX}*`;
    }
    if (options.jobControls && target?.path === QUEUES_PATH) {
      answer(response, method === 'GET' ? ok({ queues: (await options.queueCounts?.()) ?? [] }) : errorResult(new MethodNotAllowedError(['GET'])), requestId);
      return `${method} ${QUEUES_PATH}`;
    }
    if (options.jobControls && options.schedules && (target?.path === SCHEDULES_PATH || target?.path.startsWith(`${SCHEDULES_PATH}/`))) {
      answer(response, await scheduleControl(options.schedules, method, target.path.slice(SCHEDULES_PATH.length)), requestId);
      return `${method} ${SCHEDULES_PATH}*`;
    }
    const match = target ? matchRoute(method, target.path) : ({ kind: 'not-found' } as const);
    if (match.kind === 'not-found' || !target) {
      answer(response, errorResult(new NotFoundError()), requestId);
      return 'no route';
    }
    if (method === 'OPTIONS') {
      answer(response, preflight(match.template), requestId);
      return `OPTIONS ${match.template.path}`;
    }
    if (match.kind === 'method-not-allowed') {
      answer(response, errorResult(new MethodNotAllowedError([...match.template.methods.keys()])), requestId);
      return `${method} ${match.template.path}`;
    }
    const { route } = match;
    const body = await readBody(request);
    if (body instanceof BodyTooLarge) {
      answer(response, errorResult(new PayloadTooLargeError(MAX_BODY_BYTES)), requestId);
      return `${method} ${route.path}`;
    }
    let pathParameters: Record<string, string>;
    try {
      pathParameters = decodePathParameters(match.rawParameters);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      answer(response, errorResult(error), requestId);
      return `${method} ${route.path}`;
    }
    const handler = await loadHandler(route.handler);
    const event = toProxyEvent({ request, route, target, pathParameters, body, requestId });
    const result = await handler(event, toLambdaContext(route, requestId));
    if (typeof result?.statusCode !== 'number') throw new Error(`src/handlers/${route.handler} returned no statusCode`);
    writeResult(response, result);
    return `${method} ${route.path}`;
  }

  const server = createServer((request, response) => {
    const requestId = randomUUID();
    const started = performance.now();
    serve(request, response, requestId)
      .catch((error: unknown) => {
        logger.error('Local API could not answer a request', { requestId, error });
        if (!response.headersSent) answer(response, internalErrorResult(requestId), requestId);
        else response.destroy();
        return 'failed';
      })
      .then((routeName) => {
        logger.debug('Local API request', { requestId, route: routeName, status: response.statusCode, durationMs: Math.round(performance.now() - started) });
      });
  });

  return listenLocally(server, options.port, options.host);
}
