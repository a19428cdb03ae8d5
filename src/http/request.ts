import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { RouteDefinition } from '../routes';
import { PayloadTooLargeError, ValidationError, type ValidationDetail } from '../errors';
import { MAX_BODY_BYTES } from './limits';

export type Headers = Readonly<Record<string, string>>;

/** API Gateway keeps the client's header case; everything here reads lower case. */
export function normalizeHeaders(event: APIGatewayProxyEvent): Headers {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

export function detailsFromIssues(issues: readonly z.core.$ZodIssue[], prefix?: string): ValidationDetail[] {
  return issues.flatMap((issue): ValidationDetail[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: base || (prefix ?? ''), message: issue.message }];
  });
}

function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(`Invalid ${what}`, detailsFromIssues(parsed.error.issues, what === 'request body' ? undefined : what));
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}

/** The body as the client sent it, within MAX_BODY_BYTES. */
function readRawBody(event: APIGatewayProxyEvent): string {
  const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body ?? '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  return raw;
}

function readJsonBody(event: APIGatewayProxyEvent, headers: Headers): unknown {
  const raw = readRawBody(event);
  if (raw.trim() === '') {
    throw new ValidationError('A JSON request body is required', [{ path: 'body', message: 'Required' }]);
  }
  if (!isJsonMediaType(headers['content-type'])) {
    throw new ValidationError('Content-Type must be application/json', [
      { path: 'content-type', message: 'Expected application/json' },
    ]);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValidationError('Malformed JSON in request body', [{ path: 'body', message: 'Not valid JSON' }]);
  }
}

export interface ParsedInput {
  readonly body: unknown;
  readonly query: unknown;
  readonly params: unknown;
}

/** Validates body, query and path parameters against the route's schemas. */
export function parseInput(route: RouteDefinition, event: APIGatewayProxyEvent, headers: Headers): ParsedInput {
  const body = route.rawBody ? readRawBody(event) : route.body ? validate(route.body, readJsonBody(event, headers), 'request body') : undefined;
  const query = route.query ? validate(route.query, event.queryStringParameters ?? {}, 'query') : undefined;
  const params = route.params ? validate(route.params, event.pathParameters ?? {}, 'path') : undefined;
  return { body, query, params };
}
