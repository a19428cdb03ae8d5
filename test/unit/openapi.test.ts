import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildOpenApi, buildOpenApiDocument, serializeOpenApiDocument } from '../../src/openapi/document';
import { renderWebTypes } from '../../src/openapi/web-types';
import { routeKey, routes, type RouteDefinition } from '../../src/routes';

type Json = Record<string, any>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DOCUMENT_FILE = new URL('../../docs/openapi.json', import.meta.url);
const WEB_TYPES_FILE = new URL('../../web/src/api/openapi.d.ts', import.meta.url);

const document = buildOpenApiDocument() as Json;
const operation = (method: string, path: string): Json => document['paths'][path][method.toLowerCase()];
const requestSchema = (method: string, path: string): Json => operation(method, path)['requestBody']['content']['application/json']['schema'];
const parameters = (route: RouteDefinition, location: 'path' | 'query'): Json[] =>
  (operation(route.method, route.path)['parameters'] ?? []).filter((parameter: Json) => parameter['in'] === location);

function operationKeys(doc: Json): string[] {
  return Object.entries(doc['paths'] as Json).flatMap(([path, item]) =>
    Object.keys(item as Json)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/components/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Json)[segment] : undefined), doc);
}

describe('OpenAPI document', () => {
  it('It should have exactly one operation per route of the route table', () => {
    expect(new Set(operationKeys(document))).toEqual(new Set(routes.map(routeKey)));
    expect(operationKeys(document)).toHaveLength(routes.length);
  });

  it('It should match docs/openapi.json (else run `npx tsx scripts/write-openapi.ts`)', () => {
    const written = readFileSync(DOCUMENT_FILE, 'utf8');
    expect(written === serializeOpenApiDocument(document), 'docs/openapi.json is stale: run `npx tsx scripts/write-openapi.ts`').toBe(true);
  });

  it("It should match the web app's types in web/src/api/openapi.d.ts (else run `npx tsx scripts/write-openapi.ts`)", async () => {
    const written = readFileSync(WEB_TYPES_FILE, 'utf8');
    expect(written === (await renderWebTypes(document)), 'web/src/api/openapi.d.ts is stale: run `npx tsx scripts/write-openapi.ts`').toBe(true);
  });

  it('It should be a structurally valid OpenAPI 3.1 document whose every $ref resolves within components', () => {
    expect(document['openapi']).toBe('3.1.0');
    expect(document['info']).toMatchObject({ title: 'DevInsights API', version: expect.any(String) });
    expect(Object.keys(document['paths']).length).toBeGreaterThan(0);
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => resolve(document, ref) === undefined)).toEqual([]);
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))('It should carry the schemas of %s', (_key, route: RouteDefinition) => {
    const op = operation(route.method, route.path);
    expect(op['summary']).toBe(route.summary);
    expect(Object.keys(op['responses']).length).toBeGreaterThan(1);
    if (route.body) expect(requestSchema(route.method, route.path)).toMatchObject({ type: 'object', properties: expect.any(Object) });
    else if (!route.rawBody) expect(op['requestBody']).toBeUndefined();
    const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    expect(parameters(route, 'path').map((parameter) => parameter['name']).sort()).toEqual(pathNames.sort());
    expect(parameters(route, 'path').every((parameter) => parameter['required'] === true)).toBe(true);
    const queryNames = route.query instanceof z.ZodObject ? Object.keys(route.query.shape).sort() : [];
    expect(parameters(route, 'query').map((parameter) => parameter['name']).sort()).toEqual(queryNames);
  });

  it('It should describe the signup body as strict with its required fields', () => {
    const schema = requestSchema('POST', '/auth/signup');
    expect(schema['additionalProperties']).toBe(false);
    expect([...schema['required']].sort()).toEqual(['email', 'name', 'organizationName', 'password']);
  });

  it('It should limit /team/invite to 1–50 invitations', () => {
    expect(requestSchema('POST', '/team/invite')['properties']['invitations']).toMatchObject({ type: 'array', minItems: 1, maxItems: 50 });
  });

  it('It should write regex patterns without the flags zod-to-openapi appends', () => {
    expect(requestSchema('POST', '/auth/signup')['properties']['name']['pattern']).toBe('^[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}]*$');
  });

  it('It should require bearerAuth, and list the roles, on a protected route', () => {
    expect(document['components']['securitySchemes']['bearerAuth']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(operation('POST', '/team/invite')).toMatchObject({ security: [{ bearerAuth: [] }], 'x-roles': ['admin'] });
  });

  it('It should require no security on a public route', () => {
    expect(operation('POST', '/auth/signup')['security']).toBeUndefined();
    expect(document['security']).toBeUndefined();
  });

  it('It should answer errors with the shared Error schema, retry-after on 429', () => {
    expect(document['components']['schemas']['Error']).toMatchObject({ required: ['success', 'error', 'code'] });
    expect(operation('POST', '/auth/signup')['responses']['400']).toEqual({ $ref: '#/components/responses/ValidationError' });
    expect(document['components']['responses']['RateLimited']['headers']).toHaveProperty('retry-after');
  });

  it.each([
    ['POST', '/auth/signup', '201', 'application/json'],
    ['POST', '/reports/{reportId}/email', '202', 'application/json'],
    ['DELETE', '/team/members/{userId}', '204', undefined],
    ['GET', '/reports/{reportId}/pdf', '200', 'application/pdf'],
  ])('It should answer %s %s with %s %s', (method, path, status, mediaType) => {
    const response = operation(method, path)['responses'][status];
    expect(response).toBeDefined();
    expect(Object.keys(response['content'] ?? {})).toEqual(mediaType ? [mediaType] : []);
  });

  it("It should fall back to zod's own converter for a schema zod-to-openapi rejects", () => {
    const route: RouteDefinition = {
      method: 'POST',
      path: '/things/{thingId}',
      handler: 'things/create',
      access: 'public',
      summary: 'A route with unsupported schema types',
      uses: [],
      dynamodbBudget: 0,
      params: z.object({ thingId: z.string() }),
      query: z.object({ tags: z.set(z.string()), page: z.coerce.number().int().optional() }),
      body: z.object({ when: z.custom<Date>(), name: z.string() }),
      response: z.object({ thingId: z.string() }),
    };
    const { document: doc, fallbacks } = buildOpenApi([route]);
    expect(fallbacks).toEqual(['POST /things/{thingId} query', 'POST /things/{thingId} body']);
    const op = (doc as Json)['paths']['/things/{thingId}']['post'];
    expect(op['requestBody']['content']['application/json']['schema']).toMatchObject({ type: 'object', required: ['when', 'name'] });
    expect(op['parameters'].map((parameter: Json) => `${parameter['in']}:${parameter['name']}`).sort()).toEqual(['path:thingId', 'query:page', 'query:tags']);
  });
});
