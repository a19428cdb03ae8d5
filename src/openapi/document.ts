/**
 * The OpenAPI 3.1 document, generated from the route table so it cannot
 * drift from what the API validates. Request schemas are the routes' own zod
 * schemas (their input side: what a client sends, before transforms).
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { routeKey, routes, type RouteDefinition } from '../routes';
import { ErrorBody, registerErrorComponents, responsesFor } from './responses';

type SchemaPart = 'body' | 'query' | 'params';
type JsonSchema = Record<string, unknown>;
interface ParameterObject {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface OpenApiBuild {
  readonly document: Record<string, unknown>;
  /** `METHOD /path body|query|params` for each schema zod-to-openapi could not convert (zod's own converter was used instead). */
  readonly fallbacks: readonly string[];
}

const INFO = {
  title: 'DevInsights API',
  version: packageJson.version,
  description:
    'Multi-tenant engineering-team analytics from GitHub activity. Every operation with `bearerAuth` needs ' +
    '`Authorization: Bearer <accessToken>` (the accessToken login returns); `x-roles` lists the roles allowed. ' +
    'Errors are always `{success:false, error, code, details?}`.',
};

const BEARER_AUTH = 'bearerAuth';

/** zod's own converter, for a schema zod-to-openapi rejects; what cannot be represented becomes `{}`. */
function nativeJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersFromJsonSchema(schema: JsonSchema, location: 'query' | 'path'): ParameterObject[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}

function requestPart(part: SchemaPart, schema: z.ZodType): RouteConfig['request'] {
  if (part === 'body') return { body: { required: true, content: { 'application/json': { schema } } } };
  if (!(schema instanceof z.ZodObject || schema instanceof z.ZodPipe)) throw new Error(`${part} schema is not an object`);
  return { [part]: schema };
}

/** Whether zod-to-openapi converts this one schema (probed alone, so one bad schema spoils nothing else). */
function converts(part: SchemaPart, schema: z.ZodType): boolean {
  try {
    const probe = new OpenAPIRegistry();
    probe.registerPath({ method: 'post', path: '/probe', request: requestPart(part, schema), responses: {} });
    new OpenApiGeneratorV31(probe.definitions).generateDocument({ openapi: '3.1.0', info: INFO });
    return true;
  } catch {
    return false;
  }
}

function operationName(route: RouteDefinition): string {
  return route.handler.replace(/[/-]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function registerRoute(registry: OpenAPIRegistry, route: RouteDefinition, fallbacks: string[]): void {
  let request: NonNullable<RouteConfig['request']> = {};
  const parameters: ParameterObject[] = [];
  let fallbackBody: JsonSchema | undefined;
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = route[part];
    if (!schema) continue;
    if (converts(part, schema)) {
      request = { ...request, ...requestPart(part, schema) };
      continue;
    }
    fallbacks.push(`${routeKey(route)} ${part}`);
    const json = nativeJsonSchema(schema);
    if (part === 'body') fallbackBody = json;
    else parameters.push(...parametersFromJsonSchema(json, part === 'params' ? 'path' : 'query'));
  }
  const isPublic = route.access === 'public';
  registry.registerPath({
    method: route.method.toLowerCase() as Lowercase<RouteDefinition['method']>,
    path: route.path,
    operationId: operationName(route),
    tags: [route.handler.split('/')[0] ?? 'api'],
    summary: route.summary,
    ...(isPublic
      ? { description: 'Public: no token needed.' }
      : {
          description: `Needs a bearer token; roles allowed: ${route.access.join(', ')}.`,
          security: [{ [BEARER_AUTH]: [] }],
          'x-roles': [...route.access],
        }),
    ...(parameters.length > 0 ? { parameters: parameters as RouteConfig['parameters'] } : {}),
    ...(fallbackBody ? { requestBody: { required: true, content: { 'application/json': { schema: fallbackBody } } } } : {}),
    ...(route.rawBody ? { requestBody: { required: true, description: 'Read as sent (the signature covers these exact bytes), then parsed', content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
    request,
    responses: responsesFor(route),
  });
}

/**
 * zod-to-openapi writes a regex with flags as `source/flags` (e.g. `^[^\p{Cc}]*$/u`),
 * which no validator reads as intended. zod's own converter gives the bare
 * source, so a generated pattern that is a known source plus `/flags` is cut back to it.
 */
function regexSources(routeList: readonly RouteDefinition[]): Set<string> {
  const sources = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') sources.add(value);
      else visit(value);
    }
  };
  for (const route of routeList) {
    for (const schema of [route.body, route.query, route.params]) if (schema) visit(nativeJsonSchema(schema));
  }
  return sources;
}

const WITH_FLAGS = /^(.*)\/[dgimsuvy]+$/s;

function repairPatterns(node: unknown, sources: ReadonlySet<string>): void {
  if (Array.isArray(node)) return node.forEach((item) => repairPatterns(item, sources));
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'pattern' || typeof value !== 'string') {
      repairPatterns(value, sources);
      continue;
    }
    const source = WITH_FLAGS.exec(value)?.[1];
    if (source !== undefined && !sources.has(value) && sources.has(source)) record[key] = source;
  }
}

export function buildOpenApi(routeList: readonly RouteDefinition[] = routes): OpenApiBuild {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_AUTH, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The accessToken from POST /auth/login (or /auth/switch-organization); it carries the active organization and role.',
  });
  registerErrorComponents(registry);
  const fallbacks: string[] = [];
  for (const route of routeList) registerRoute(registry, route, fallbacks);
  const document = new OpenApiGeneratorV31([...registry.definitions, { type: 'schema', schema: ErrorBody }], { sortComponents: 'alphabetically' }).generateDocument({
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: 'http://localhost:3000', description: 'Local mode (npm start)' }],
  }) as unknown as Record<string, unknown>;
  if (Object.keys((document['webhooks'] ?? {}) as object).length === 0) delete document['webhooks'];
  repairPatterns(document, regexSources(routeList));
  return { document, fallbacks };
}

export function buildOpenApiDocument(): object {
  return buildOpenApi().document;
}

const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];

function sortKeys(value: unknown, order: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (!value || typeof value !== 'object') return value;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** Pretty JSON with sorted keys (the conventional ones first at the top) and a trailing newline: byte-stable across runs. */
export function serializeOpenApiDocument(document: object): string {
  return `${JSON.stringify(sortKeys(document, TOP_LEVEL_ORDER), null, 2)}\n`;
}
