import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { z } from 'zod';
import type { RouteDefinition } from '../../src/routes';
import { decodeJwt, signJwt } from './tokens';

/**
 * Generators and a raw HTTP client for the fuzz tests. Requests go out through
 * node:http, not fetch, so the request target is sent byte for byte: fetch's
 * URL parser would resolve `..`, re-encode malformed escapes and refuse bodies
 * on GET, hiding exactly the inputs a fuzzer is for.
 */

export interface FuzzRequest {
  readonly method: string;
  /** The request target as sent: raw path plus optional `?query`. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** What the generator meant to send, for the failure report. */
  readonly label: string;
}

export interface FuzzResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

const REQUEST_TIMEOUT_MS = 25_000;

export function send(apiUrl: string, request: FuzzRequest): Promise<FuzzResponse> {
  const base = new URL(apiUrl);
  // The local API listens on 127.0.0.1; `localhost` may resolve to ::1 first.
  const hostname = base.hostname === 'localhost' ? '127.0.0.1' : base.hostname;
  return new Promise((resolve, reject) => {
    // node:http sends a GET/DELETE body without Content-Length unless told; a fresh connection per
    // request keeps one malformed exchange from spoiling the next.
    const headers = request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
    const outgoing = httpRequest(
      { hostname, port: base.port, method: request.method, path: request.target, headers, agent: false, timeout: REQUEST_TIMEOUT_MS },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('error', reject);
        incoming.once('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    outgoing.once('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}

/** Substrings that only appear in a body when a stack trace or an internal name escaped. */
export const LEAK_MARKERS = ['at /', 'node_modules', '.ts:', 'Error:', 'TypeError', 'DynamoDB', 'Cognito'] as const;

export function leakMarkerIn(text: string): string | undefined {
  return LEAK_MARKERS.find((marker) => text.includes(marker));
}

/** Generated input must not carry a marker itself, or an echoed field name would look like a leak. */
export function isFreeOfLeakMarkers(request: FuzzRequest): boolean {
  const body = typeof request.body === 'string' ? request.body : request.body?.toString('latin1') ?? '';
  return [request.target, body, ...Object.values(request.headers)].every((text) => leakMarkerIn(text) === undefined);
}

// ---------------------------------------------------------------------------
// Schema introspection: the field names a route's zod schemas know about.

interface ZodDefLike {
  readonly type?: string;
  readonly shape?: Record<string, unknown>;
  readonly in?: unknown;
  readonly out?: unknown;
  readonly innerType?: unknown;
  readonly element?: unknown;
  readonly options?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
  readonly values?: readonly unknown[];
}

function defOf(schema: unknown): ZodDefLike | undefined {
  return (schema as { _zod?: { def?: ZodDefLike } } | undefined)?._zod?.def;
}

/** Every object key and every enum/literal value anywhere in the schema, so generated inputs hit real fields. */
export function schemaVocabulary(schema: z.ZodType | undefined): { keys: string[]; literals: string[] } {
  const keys = new Set<string>();
  const literals = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    const def = defOf(node);
    if (!def || depth > 12 || seen.has(node)) return;
    seen.add(node);
    if (def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        keys.add(key);
        walk(child, depth + 1);
      }
    }
    if (def.entries) for (const value of Object.values(def.entries)) if (typeof value === 'string') literals.add(value);
    if (def.values) for (const value of def.values) if (typeof value === 'string') literals.add(value);
    for (const child of [def.in, def.out, def.innerType, def.element, ...(def.options ?? [])]) walk(child, depth + 1);
  };
  walk(schema, 0);
  return { keys: [...keys], literals: [...literals] };
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1] ?? '');
}

// ---------------------------------------------------------------------------
// Values.

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings that are close to valid for some field of the API, so a share of requests gets past validation. */
const PLAUSIBLE_STRINGS = [
  'admin', 'member', 'viewer', 'free', 'pro', 'enterprise', 'executive', 'Europe/Berlin', 'UTC', 'Mars/Olympus',
  'team_transparent', 'fully_private', 'public_metrics', 'visible_to_all', 'admin_only', 'owner_only',
  'SecurePass123', 'short', 'alice-dev', 'bob-senior', '-bad-', 'Fuzz Person', '123456', '000000', 'true', 'false',
  'fuzz@', '@example.test', 'not-an-email', 'fuzz@localhost',
];

const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\u202e\u0041\u0301', '🧨💥', '\u{10ffff}', 'e\u0301\u0301', 'İstanbul', '\ufeff', '\r\n\t', '\ud800', '\udfff\ud800'),
);

/** Up to ~20 KB, built by repetition so generation stays cheap. */
const hugeString = fc
  .tuple(fc.constantFrom('a', 'é', '🧨', '\\', '"', '%', '<script>', 'A1-'), fc.integer({ min: 1_000, max: 20_000 }))
  .map(([unit, size]) => unit.repeat(Math.max(1, Math.floor(size / unit.length))));

/** A fresh address at a reserved domain: valid, never an existing account. */
const validLookingEmail = fc.stringMatching(/^[a-z][a-z0-9]{3,10}$/).map((local) => `fuzz-${local}@fuzz.test`);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: unicodeString, weight: 3 },
  { arbitrary: fc.constantFrom(...PLAUSIBLE_STRINGS), weight: 3 },
  { arbitrary: validLookingEmail, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '..', '../../etc/passwd', '%00', 'null', 'undefined', 'NaN', '{}', '[]', "' OR 1=1 --", '${7*7}', '{{7*7}}'), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 1e21, Number.MAX_SAFE_INTEGER + 2, 5e-324),
);

/** Any JSON value, with nasty leaves, keys that are real field names and prototype keys. */
export function nastyJson(keys: readonly string[], literals: readonly string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    { arbitrary: nastyString, weight: 4 },
    { arbitrary: literals.length > 0 ? fc.constantFrom(...literals) : fc.constant('x'), weight: 2 },
    { arbitrary: nastyNumber, weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const key = fc.oneof(
    { arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 }), weight: 4 },
    { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 1 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 12 }), unicodeString), weight: 2 },
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: leaf, weight: 3 },
      { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
      { arbitrary: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(entriesToObjectLiteral), weight: 2 },
    ),
  }));
  return value;
}

/**
 * Marks an object built from entries so `jsonText` writes the keys as given:
 * JSON.stringify would drop a `__proto__` set by assignment and merge duplicates.
 */
class RawObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

function entriesToObjectLiteral(entries: readonly (readonly [string, unknown])[]): RawObject {
  return new RawObject(entries);
}

export function jsonText(value: unknown): string {
  if (value instanceof RawObject) return `{${value.entries.map(([key, child]) => `${JSON.stringify(key)}:${jsonText(child)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

// ---------------------------------------------------------------------------
// Bodies.

function nested(depth: number, open: string, close: string, inner: string): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

export function bodyText(keys: readonly string[], literals: readonly string[]): fc.Arbitrary<{ text: string | Buffer; kind: string }> {
  const anyKey = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('field');
  const json = nastyJson(keys, literals);
  const kinds: fc.Arbitrary<{ text: string | Buffer; kind: string }>[] = [
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ text: JSON.stringify(value) ?? 'null', kind: 'arbitrary JSON value' })),
    json.map((value) => ({ text: jsonText(value), kind: 'nasty JSON' })),
    // Every known field present (each maybe), values close to valid: these get past validation now and then.
    fc
      .array(fc.tuple(anyKey, fc.oneof(json, fc.constantFrom(...(literals.length ? literals : ['x'])), nastyString)), { minLength: 1, maxLength: Math.max(2, keys.length + 2) })
      .map((entries) => ({ text: jsonText(new RawObject(entries)), kind: 'known keys, generated values' })),
    fc
      .tuple(fc.integer({ min: 10, max: 5_000 }), fc.constantFrom(['[', ']', '1'], ['{"a":', '}', '1'], ['[{"x":', '}]', 'null']) as fc.Arbitrary<string[]>)
      .map(([depth, [open = '[', close = ']', inner = '1']]) => ({ text: nested(depth, open, close, inner), kind: `nesting ${depth} deep` })),
    fc.tuple(anyKey, hugeString).map(([key, value]) => ({ text: JSON.stringify({ [key]: value }), kind: 'huge string field' })),
    hugeString.map((value) => ({ text: JSON.stringify(value), kind: 'huge top-level string' })),
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS), anyKey, json)
      .map(([proto, key, value]) => ({
        text: `{${JSON.stringify(proto)}:{"role":"admin","isAdmin":true,"polluted":1},${JSON.stringify(key)}:${jsonText(value)},"constructor":{"prototype":{"polluted":1}}}`,
        kind: 'prototype keys',
      })),
    fc
      .oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('{"a":1', '[', '{', '}', "{'email':'x'}", '{"a":1,}', 'undefined', 'NaN', 'Infinity', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\x41"}', '1 2', '<xml/>', 'a=1&b=2', '--boundary\r\n'),
      )
      .map((text) => ({ text, kind: 'not JSON' })),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ text: Buffer.from(bytes), kind: 'random bytes' })),
    fc.constantFrom('', ' ', '\n\t ', 'null', '""', '0', 'true', '[]', '{}').map((text) => ({ text, kind: 'empty-ish' })),
  ];
  return fc.oneof(...kinds);
}

// ---------------------------------------------------------------------------
// Path parameters and query strings.

/** encodeURIComponent, except that a lone surrogate is sent as U+FFFD instead of throwing. */
export function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
  }
}

/**
 * Sent raw, byte for byte. Only ASCII: Node's HTTP parser refuses a request
 * target with other bytes itself (400, no body) before the API sees it, as
 * API Gateway does in front of the Lambdas.
 */
const RAW_SEGMENTS = [
  '..', '.', '%2e%2e', '%2E%2E%2F%2E%2E', '..%2f..%2fetc%2fpasswd', '%00', 'a%00b', '%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%ff',
  '%ED%A0%80', '%F4%90%80%80', '%u0041', '%25', '%252e', '%2F', '~', '*', '$', ';', ',', '=', '@', '!', "'", '(', ')', '"', '<', '>', '`', '{id}', '|', '^', '[', ']', '\\',
];

/** Valid ids (so requests reach the handler and answer 404) or anything else. */
export function pathValue(name: string, known: readonly string[]): fc.Arbitrary<{ raw: string; kind: string }> {
  const plausible =
    name === 'githubUsername'
      ? fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,8}){0,2}$/), fc.constantFrom('alice-dev', 'bob-senior', 'octocat'))
      : fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
  const arbitraries: fc.Arbitrary<{ raw: string; kind: string }>[] = [
    plausible.map((value) => ({ raw: percentEncode(value), kind: 'plausible' })),
    fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), unicodeString.filter((value) => value.length > 0)).map((value) => ({
      raw: percentEncode(value),
      kind: 'encoded string',
    })),
    fc.constantFrom(...RAW_SEGMENTS).map((raw) => ({ raw, kind: 'raw' })),
    fc
      .tuple(fc.constantFrom(...RAW_SEGMENTS), fc.stringMatching(/^[A-Za-z0-9_-]{0,10}$/))
      .map(([segment, suffix]) => ({ raw: `${suffix}${segment}${suffix}`, kind: 'raw mixed' })),
    fc.integer({ min: 65, max: 6_000 }).map((size) => ({ raw: 'a'.repeat(size), kind: `${size} characters` })),
  ];
  if (known.length > 0) arbitraries.push(fc.constantFrom(...known).map((raw) => ({ raw: percentEncode(raw), kind: 'known' })));
  return fc.oneof(...arbitraries);
}

const queryPart = fc.oneof(
  fc.string({ maxLength: 30 }).map(percentEncode),
  unicodeString.map(percentEncode),
  fc.constantFrom(...RAW_SEGMENTS, '+', '&', '==', '', 'a b'.replace(' ', '+')),
  fc.constantFrom('-1', '0', '101', '1e309', 'NaN', '0x10', '5.5', '+5', '%205', '1'.repeat(400), 'true', 'TRUE', 'yes'),
  // Cursors: a dot-separated position and signature, as the server issues them, but forged.
  fc.tuple(fc.base64String({ maxLength: 60 }), fc.base64String({ maxLength: 60 })).map(([a, b]) => percentEncode(`${a}.${b}`)),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url')),
  fc.integer({ min: 500, max: 3_000 }).map((size) => 'c'.repeat(size)),
);

/** Names an object literal inherits: as query keys they have a test of their own (see fuzz.test.ts). */
export const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype);

export function queryString(knownKeys: readonly string[], { inheritedNames = false } = {}): fc.Arbitrary<string> {
  const key = fc.oneof(
    { arbitrary: knownKeys.length > 0 ? fc.constantFrom(...knownKeys) : fc.constant('q'), weight: 3 },
    { arbitrary: fc.constantFrom('token', 'limit', 'cursor', 'refresh', 'a[b]', 'a.b', 'q'), weight: 1 },
    { arbitrary: queryPart, weight: 1 },
    ...(inheritedNames ? [{ arbitrary: fc.constantFrom(...INHERITED_NAMES), weight: 3 }] : []),
  );
  return fc.oneof(
    fc.constant(''),
    fc.array(fc.tuple(key, fc.option(queryPart, { nil: undefined })), { minLength: 1, maxLength: 5 }).map((pairs) =>
      pairs.map(([name, value]) => (value === undefined ? name : `${name}=${value}`)).join('&'),
    ),
    fc.constantFrom('?', '&&&', '=', '==&=', '%', 'token', 'token=', 'limit&limit=2&limit=x'),
  ).filter((query) => inheritedNames || ![...new URLSearchParams(query).keys()].some((name) => INHERITED_NAMES.includes(name)));
}

// ---------------------------------------------------------------------------
// Headers.

/** Header values node:http accepts (no control characters other than tab). */
const headerSafe = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });

export const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=UTF-16', 'application/vnd.api+json',
      'application/merge-patch+json', 'text/plain', 'text/json', 'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz', 'application/xml', '', ';', 'application/', '*/*', 'application/json, text/plain',
    ),
    weight: 3,
  },
  { arbitrary: headerSafe, weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 2 },
);

const base64urlJson = (value: unknown) => Buffer.from(jsonText(value)).toString('base64url');

/** Authorization values that must never authenticate; `token` is a real one to tamper with. */
export function badAuthorization(token: string): fc.Arbitrary<string | undefined> {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = decodeJwt(token).payload;
  const claimNames = Object.keys(claims);
  const claimValue = fc.oneof(nastyJson([], []), fc.constantFrom(...Object.values(claims).map((value) => (typeof value === 'object' ? null : value))));
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer', 'Basic c2FyYWg6cGFzcw==', 'Token abc', 'Bearer a.b.c', 'Bearer ..', 'Bearer a.b.', 'Bearer null', 'Bearer undefined'),
    headerSafe,
    headerSafe.map((value) => `Bearer ${value}`),
    fc.integer({ min: 1_000, max: 6_000 }).map((size) => `Bearer ${'a'.repeat(size)}.b.c`),
    // JWT-shaped, with arbitrary JSON in header and payload.
    fc
      .tuple(nastyJson(['alg', 'kid', 'typ', 'jku', 'x5u'], ['RS256', 'none', 'HS256', 'CognitoLocal']), nastyJson(claimNames, []), fc.base64String({ maxLength: 40 }))
      .map(([h, p, s]) => `Bearer ${base64urlJson(h)}.${base64urlJson(p)}.${s.replace(/[+/=]/g, '')}`),
    // The real token, tampered: signature cut or flipped, payload edited, alg none, padded, doubled.
    fc.constantFrom(
      `Bearer ${header}.${payload}.`,
      `Bearer ${header}.${payload}`,
      `Bearer ${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      `Bearer ${base64urlJson({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${token}.${signature}`,
      `Bearer ${token} ${token}`,
      `Bearer ${token}==`,
      `Basic ${token}`,
    ),
    // Validly signed by the pool's key, with one claim replaced by anything.
    fc
      .tuple(fc.constantFrom(...claimNames), claimValue)
      .map(([name, value]) => `Bearer ${signJwt(decodeJwt(token).header, { ...claims, [name]: value })}`),
    fc
      .tuple(fc.constantFrom('custom:organizationId', 'custom:role', 'sub', 'username', 'token_use', 'client_id'), claimValue)
      .map(([name, value]) => `Bearer ${signJwt(decodeJwt(token).header, { ...claims, [name]: value })}`),
  );
}

export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .subarray([
    ['x-forwarded-for', '::1, 999.1.1.1, <script>'],
    ['origin', 'https://evil.test'],
    ['accept', 'application/xml'],
    ['accept-encoding', 'gzip;q=oops'],
    ['x-amzn-trace-id', 'Root=garbage'],
    ['user-agent', '\u00ff\u00fe'],
    ['cookie', 'session=__proto__'],
    ['__proto__', '{"admin":true}'],
    ['constructor', 'x'],
  ] as [string, string][])
  .map((pairs) => Object.fromEntries(pairs));

// ---------------------------------------------------------------------------
// A whole request for one route.

export interface RequestContext {
  /** The Authorization header for this run; an arbitrary so unauthenticated runs vary it. */
  readonly authorization: fc.Arbitrary<string | undefined>;
  /** Real values per path parameter name, sent now and then so handlers go past "not found". */
  readonly knownPathValues: Readonly<Record<string, readonly string[]>>;
  /** Values never to put in a path (e.g. the admin's own userId). */
  readonly forbiddenPathValues: readonly string[];
}

export function requestFor(route: RouteDefinition, context: RequestContext, query = queryString(schemaVocabulary(route.query).keys)): fc.Arbitrary<FuzzRequest> {
  const names = pathParameterNames(route.path);
  const bodyVocabulary = schemaVocabulary(route.body);
  const forbidden = new Set(context.forbiddenPathValues.flatMap((value) => [value, percentEncode(value)]));
  const params = fc
    .tuple(...names.map((name) => pathValue(name, context.knownPathValues[name] ?? [])))
    .filter((values) => values.every((value) => !forbidden.has(value.raw) && !forbidden.has(safeDecode(value.raw))));
  const body = fc.option(bodyText(bodyVocabulary.keys, bodyVocabulary.literals), { nil: undefined, freq: route.body ? 8 : 2 });
  return fc
    .record({
      params,
      query,
      body,
      contentType,
      authorization: context.authorization,
      extra: extraHeaders,
    })
    .map(({ params: values, query, body: generated, contentType: type, authorization, extra }) => {
      let index = 0;
      const path = route.path.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, () => values[index++]?.raw ?? '');
      const headers: Record<string, string> = { ...extra };
      if (type !== undefined) headers['content-type'] = type;
      if (authorization !== undefined) headers['authorization'] = authorization;
      const label = [
        `params: ${values.map((value) => value.kind).join(', ') || 'none'}`,
        `body: ${generated?.kind ?? 'none'}`,
      ].join('; ');
      return { method: route.method, target: query ? `${path}?${query}` : path, headers, body: generated?.text, label };
    })
    .filter((request) => headerBytes(request) <= MAX_HEADER_BYTES && isFreeOfLeakMarkers(request));
}

/**
 * Node's HTTP server refuses a head above 16 KB itself (431, no body), before
 * the API sees it, as API Gateway would with its own limits: stay below.
 */
const MAX_HEADER_BYTES = 12_000;

function headerBytes(request: FuzzRequest): number {
  return request.target.length + Object.entries(request.headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// ---------------------------------------------------------------------------
// The contract every answer must keep.

/** Runs of one character (the generated long values) shown as `a×5000`, then cut at `size`. */
function truncate(text: string, size = 600): string {
  const squeezed = text.replace(/(.)\1{19,}/gsu, (run, unit: string) => `${unit}×${run.length / unit.length}`);
  return squeezed.length > size ? `${squeezed.slice(0, size)}… (${text.length} chars)` : squeezed;
}

export function describeExchange(request: FuzzRequest, response: FuzzResponse): string {
  const body = request.body === undefined ? '(none)' : typeof request.body === 'string' ? JSON.stringify(truncate(request.body)) : `<${request.body.length} bytes>`;
  return [
    `${request.method} ${truncate(request.target, 300)}   [${request.label}]`,
    `request headers: ${JSON.stringify(Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, truncate(value, 120)])))}`,
    `request body: ${body}`,
    `→ ${response.status} ${String(response.headers['content-type'] ?? '')}: ${truncate(response.text)}`,
  ].join('\n');
}

/** Problems with an answer, empty when it keeps the contract. */
export function contractProblems(route: RouteDefinition, response: FuzzResponse): string[] {
  const problems: string[] = [];
  const type = String(response.headers['content-type'] ?? '');
  const dependsOnGithub = route.path.startsWith('/ai/');
  if (response.status >= 500 && !(response.status === 503 && dependsOnGithub)) problems.push(`status ${response.status}`);
  if (type.includes('application/pdf')) {
    if (response.status !== 200) problems.push(`a PDF with status ${response.status}`);
    return problems;
  }
  const marker = leakMarkerIn(response.text);
  if (marker) problems.push(`the body contains "${marker}"`);
  let parsed: unknown;
  if (response.text.length > 0) {
    try {
      parsed = JSON.parse(response.text);
    } catch {
      problems.push('the body is not JSON');
    }
    if (!type.includes('json')) problems.push(`content-type "${type}" for a non-empty body`);
  }
  if (response.status >= 400) {
    const error = parsed as { success?: unknown; error?: unknown; code?: unknown; details?: unknown } | undefined;
    if (error?.success !== false) problems.push('success is not false');
    if (typeof error?.error !== 'string' || error.error.length === 0) problems.push('error is not a non-empty string');
    if (typeof error?.code !== 'string' || !/^[A-Z][A-Z_]*$/.test(error.code)) problems.push('code is not a MACHINE_CODE string');
    if (error?.code === 'VALIDATION_ERROR') {
      const details = error.details;
      if (!Array.isArray(details)) problems.push('VALIDATION_ERROR without a details array');
      else if (!details.every((detail: { path?: unknown; message?: unknown }) => typeof detail?.path === 'string' && typeof detail?.message === 'string')) {
        problems.push('details entries are not {path, message} strings');
      }
    }
    if (response.status === 429 && !response.headers['retry-after']) problems.push('429 without retry-after');
  }
  return problems;
}
