import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { ValidationError } from '../errors';
import type { RouteDefinition } from '../routes';

/** What API Gateway gives a Lambda; locally no function times out, this is what it would report. */
const LAMBDA_TIMEOUT_MS = 30_000;

export interface ParsedTarget {
  readonly path: string;
  readonly query: string;
}

/**
 * Splits the request target. Only origin-form (`/path?query`) is served; the
 * path stays percent-encoded, as API Gateway matches it.
 */
export function parseTarget(url: string | undefined): ParsedTarget | undefined {
  if (!url?.startsWith('/')) return undefined;
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}

/** Decodes `{name}` segments; a malformed escape is the client's mistake, so a 400 with the parameter named. */
export function decodePathParameters(raw: Record<string, string>): Record<string, string> {
  const decoded: Record<string, string> = {};
  const problems: { path: string; message: string }[] = [];
  for (const [name, value] of Object.entries(raw)) {
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      problems.push({ path: `pathParameters.${name}`, message: 'Malformed percent-encoding' });
    }
  }
  if (problems.length > 0) throw new ValidationError('Invalid path parameter', problems);
  return decoded;
}

function queryParameters(query: string) {
  // A Map, not an object literal: a query key may be `constructor` or `__proto__`.
  const values = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) values.set(name, [...(values.get(name) ?? []), value]);
  const multi: Record<string, string[]> = Object.fromEntries(values);
  // API Gateway's single-value map keeps the last value of a repeated name.
  const single = Object.fromEntries(Object.entries(multi).map(([name, values]) => [name, values[values.length - 1] ?? '']));
  const empty = Object.keys(multi).length === 0;
  return { single: empty ? null : single, multi: empty ? null : multi };
}

function headerMaps(request: IncomingMessage) {
  const multi: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) if (values) multi[name] = values;
  const single = Object.fromEntries(Object.entries(multi).map(([name, values]) => [name, values[values.length - 1] ?? '']));
  return { single, multi };
}

export interface EventInput {
  readonly request: IncomingMessage;
  readonly route: RouteDefinition;
  readonly target: ParsedTarget;
  readonly pathParameters: Record<string, string>;
  readonly body: Buffer;
  readonly requestId: string;
}

/** The REST API (payload v1) proxy event API Gateway would send for this request. */
export function toProxyEvent({ request, route, target, pathParameters, body, requestId }: EventInput): APIGatewayProxyEvent {
  const query = queryParameters(target.query);
  const headers = headerMaps(request);
  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const now = new Date();
  return {
    httpMethod: route.method,
    path: target.path,
    resource: route.path,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : null,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    body: body.length > 0 ? body.toString('utf8') : null,
    isBase64Encoded: false,
    stageVariables: null,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: undefined,
      protocol: `HTTP/${request.httpVersion}`,
      httpMethod: route.method,
      path: target.path,
      stage: 'local',
      requestId,
      requestTime: now.toISOString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: route.path,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp,
        user: null,
        userAgent: headers.single['user-agent'] ?? null,
        userArn: null,
      },
    },
  };
}

/** The Lambda context a handler receives; only the fields a handler could sensibly read are real. */
export function toLambdaContext(route: RouteDefinition, requestId: string): Context {
  const functionName = `devinsights-local-${route.handler.replace(/\//g, '-')}`;
  const deadline = Date.now() + LAMBDA_TIMEOUT_MS;
  const unsupported = () => {
    throw new Error('Callback-style Lambda completion is not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
