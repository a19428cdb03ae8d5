import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { ConflictError, FirstSyncPendingError } from '../../../src/errors';
import { http } from '../../../src/http/handler';
import { ok } from '../../../src/http/responses';
import { route } from '../../../src/routes';
import { apiGatewayEvent, jsonEvent } from '../../support/events';

const login = route('POST /auth/login');
const echo = http(login, async ({ body }) => ok({ email: body.email }));
const validLogin = JSON.stringify({ email: 'Bob@Example.com', password: 'x' });

function parse(result: { body: string }) {
  return JSON.parse(result.body) as Record<string, unknown>;
}

beforeEach(() => {
  vi.stubEnv('USER_POOL_ID', 'local_pool');
  vi.stubEnv('USER_POOL_CLIENT_ID', 'client');
  vi.stubEnv('LOG_LEVEL', 'error');
  vi.stubEnv('APP_SECRET', 'unit-test-secret-of-at-least-32-chars');
  // No table here: the rate limits have their own integration test.
  vi.stubEnv('RATE_LIMITS_ENABLED', 'false');
});
afterEach(() => vi.unstubAllEnvs());

describe('the handler wrapper', () => {
  it('passes a validated, normalized body to the handler', async () => {
    const result = await echo(jsonEvent(validLogin));
    expect(result.statusCode).toBe(200);
    expect(parse(result)).toEqual({ email: 'bob@example.com' });
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const result = await echo(jsonEvent('{"email": '));
    expect(result.statusCode).toBe(400);
    expect(parse(result)).toMatchObject({ success: false, code: 'VALIDATION_ERROR', details: [{ path: 'body' }] });
  });

  it('refuses a body that is not declared as JSON', async () => {
    const result = await echo(jsonEvent(validLogin, { 'content-type': 'text/plain' }));
    expect(result.statusCode).toBe(400);
    expect(parse(result)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ path: 'content-type' }] });
  });

  it('names each unknown field in details', async () => {
    const result = await echo(jsonEvent(JSON.stringify({ email: 'a@b.co', password: 'x', role: 'admin' })));
    expect(result.statusCode).toBe(400);
    expect(parse(result)['details']).toEqual([{ path: 'role', message: 'Unknown field' }]);
  });

  it('treats a __proto__ key as an unknown field, not as a prototype', async () => {
    const result = await echo(jsonEvent('{"email":"a@b.co","password":"x","__proto__":{"admin":true}}'));
    expect(result.statusCode).toBe(400);
    expect(parse(result)['details']).toEqual([{ path: '__proto__', message: 'Unknown field' }]);
  });

  it('reports every failing field with its path', async () => {
    const result = await echo(jsonEvent(JSON.stringify({ email: 'not-an-email' })));
    const paths = (parse(result)['details'] as { path: string }[]).map((detail) => detail.path).sort();
    expect(paths).toEqual(['email', 'password']);
  });

  it('requires a body on routes that take one', async () => {
    const result = await echo(apiGatewayEvent({ headers: { 'content-type': 'application/json' } }));
    expect(result.statusCode).toBe(400);
  });

  it('refuses a body over 256 KB with 413 before parsing it', async () => {
    const result = await echo(jsonEvent(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(300 * 1024) })));
    expect(result.statusCode).toBe(413);
    expect(parse(result)).toMatchObject({ success: false, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('decodes base64 bodies as API Gateway may send them', async () => {
    const event = jsonEvent(Buffer.from(validLogin).toString('base64'));
    const result = await echo({ ...event, isBase64Encoded: true });
    expect(result.statusCode).toBe(200);
  });

  describe('on a route that takes its body raw (the GitHub webhook)', () => {
    const webhook = route('POST /webhooks/github');
    const raw = http(webhook, async ({ body }) => ok({ body }));
    const sent = '{"zen": "Keep it logically awesome.",  "hook_id": 1}';

    it('hands the handler the exact text sent, spaces and all, unparsed', async () => {
      const result = await raw(jsonEvent(sent));
      expect(parse(result)).toEqual({ body: sent });
    });

    it('hands it the decoded text of a base64 body', async () => {
      const result = await raw({ ...jsonEvent(Buffer.from(sent).toString('base64')), isBase64Encoded: true });
      expect(parse(result)).toEqual({ body: sent });
    });

    it('hands it a body that is not JSON, under any content type, to judge itself', async () => {
      const result = await raw(jsonEvent('payload=%7B%7D', { 'content-type': 'application/x-www-form-urlencoded' }));
      expect(parse(result)).toEqual({ body: 'payload=%7B%7D' });
    });

    it('still refuses a body over 256 KB with 413', async () => {
      const result = await raw(jsonEvent(`"${'x'.repeat(300 * 1024)}"`));
      expect(result.statusCode).toBe(413);
    });
  });

  it('shows a domain error in the contract shape', async () => {
    const conflicting = http(login, async () => {
      throw new ConflictError('An account with this email already exists');
    });
    const result = await conflicting(jsonEvent(validLogin));
    expect(result.statusCode).toBe(409);
    expect(parse(result)).toEqual({
      success: false,
      error: 'An account with this email already exists',
      code: 'CONFLICT',
    });
  });

  it('hides the message and stack of an unexpected error behind 500 INTERNAL', async () => {
    const failing = http(login, async () => {
      throw new Error('DynamoDB table devinsights-secret exploded at repositories/accounts.ts');
    });
    const silence = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const result = await failing(jsonEvent(validLogin));
    silence.mockRestore();
    expect(result.statusCode).toBe(500);
    expect(parse(result)).toMatchObject({ success: false, code: 'INTERNAL', requestId: 'test-request' });
    expect(result.body).not.toMatch(/devinsights-secret|accounts\.ts|at /);
  });

  describe('with VALIDATE_RESPONSES on (the test stack)', () => {
    const health = route('GET /health');
    const stderr: string[] = [];
    beforeEach(() => {
      vi.stubEnv('VALIDATE_RESPONSES', 'true');
      // The configuration is read once; this makes the next read see the flag.
      provideAppEnvironment({});
      stderr.length = 0;
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
    });
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      provideAppEnvironment({});
    });

    it('sends a body its route schema describes as it is', async () => {
      const result = await http(health, async () => ok({ status: 'ok' }))(apiGatewayEvent());
      expect(result.statusCode).toBe(200);
      expect(parse(result)).toEqual({ status: 'ok' });
    });

    it('answers 500 INTERNAL, and logs the issues, for a body with a field the schema does not name', async () => {
      const result = await http(health, async () => ok({ status: 'ok', uptime: 12 }))(apiGatewayEvent());
      expect(result.statusCode).toBe(500);
      expect(parse(result)).toMatchObject({ success: false, code: 'INTERNAL' });
      expect(result.body).not.toMatch(/uptime/);
      expect(stderr.join('')).toMatch(/response does not match its schema/);
      expect(stderr.join('')).toMatch(/unrecognized_keys/);
    });

    it('answers 500 INTERNAL for a body missing a field the schema requires', async () => {
      const result = await http(health, async () => ok({}))(apiGatewayEvent());
      expect(result.statusCode).toBe(500);
    });

    it('checks the 202 syncing answer against its own schema', async () => {
      const sync = { status: 'running', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, repositories: { done: 0, total: 3 }, requests: { made: 1, notModified: 0 }, rateLimit: null, lastError: null };
      const syncing = await http(health, async () => {
        throw new FirstSyncPendingError(sync, 30);
      })(apiGatewayEvent());
      expect(syncing.statusCode).toBe(202);
      const broken = await http(health, async () => {
        throw new FirstSyncPendingError({ ...sync, syncId: 'internal' }, 30);
      })(apiGatewayEvent());
      expect(broken.statusCode).toBe(500);
    });

    it('leaves a mismatching body alone when the flag is off', async () => {
      vi.stubEnv('VALIDATE_RESPONSES', 'false');
      provideAppEnvironment({});
      const result = await http(health, async () => ok({ status: 'ok', uptime: 12 }))(apiGatewayEvent());
      expect(result.statusCode).toBe(200);
      expect(parse(result)).toEqual({ status: 'ok', uptime: 12 });
    });
  });

  it('refuses a protected route without a bearer token before touching anything', async () => {
    const me = http(route('GET /me'), async () => ok({}));
    const result = await me(apiGatewayEvent({ httpMethod: 'GET', headers: { authorization: 'Basic abc' } }));
    expect(result.statusCode).toBe(401);
    expect(parse(result)).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
  });

  it('sets JSON, no-store and request id headers', async () => {
    const result = await echo(jsonEvent(validLogin));
    expect(result.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': 'test-request',
    });
  });
});
