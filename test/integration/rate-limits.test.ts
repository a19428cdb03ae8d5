import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { ensureTable } from '../../src/local/dynamodb-local';
import { signedInAdmin, type Via } from '../support/accounts';
import { api, newClientAddress, stack } from '../support/stack';
import { adminWithTeammate } from '../support/team';

/**
 * The limits against an API of this file's own, with low limits and a table
 * of its own: the shared stack's counters see every other test file's
 * requests from the same address.
 */
const LIMITS = { perIp: 30, perOrganization: 10, failedAuth: 8, failedLoginPerAccount: 3 };
let apiUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const shared = stack();
  const tableName = `ratelimit-${randomBytes(4).toString('hex')}`;
  const client = new DynamoDBClient({
    endpoint: shared.dynamodbEndpoint,
    region: shared.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  provideAppEnvironment({
    TABLE_NAME: tableName,
    AWS_REGION: shared.region,
    USER_POOL_ID: shared.userPoolId,
    USER_POOL_CLIENT_ID: shared.userPoolClientId,
    DYNAMODB_ENDPOINT: shared.dynamodbEndpoint,
    COGNITO_ENDPOINT: shared.cognitoUrl,
    SES_ENDPOINT: shared.sesUrl,
    APP_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_PER_IP_PER_MIN: String(LIMITS.perIp),
    RATE_LIMIT_PER_ORG_PER_MIN: String(LIMITS.perOrganization),
    RATE_LIMIT_FAILED_AUTH_PER_IP_PER_MIN: String(LIMITS.failedAuth),
    RATE_LIMIT_FAILED_LOGIN_PER_ACCOUNT_PER_MIN: String(LIMITS.failedLoginPerAccount),
    LOG_LEVEL: 'error',
  });
  const { startApiServer } = await import('../../src/local/http-server');
  const server = await startApiServer({ port: 0, host: '127.0.0.1' });
  apiUrl = server.url;
  close = () => server.close();
});
afterAll(async () => close?.());

/** Counters are per clock minute: start a burst early in one, so it cannot straddle two. */
async function atStartOfAMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

const wrongLogin = (email = `nobody-${randomBytes(4).toString('hex')}@ratelimit.test`, from?: string) =>
  api('/auth/login', { method: 'POST', baseUrl: apiUrl, from, json: { email, password: 'Wrong1234' } });

/** This file's API, from an address of its own: no other test's counts share its counters. */
const freshClient = (): Via & { from: string } => ({ baseUrl: apiUrl, from: newClientAddress() });

describe('rate limits', () => {
  it('stops password guessing on one account, known or not, with 429', async () => {
    await atStartOfAMinute();
    const email = `target-${randomBytes(4).toString('hex')}@ratelimit.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LIMITS.failedLoginPerAccount; attempt += 1) statuses.push((await wrongLogin(email)).status);
    expect(statuses).toEqual([...Array(LIMITS.failedLoginPerAccount).fill(401), 429]);
  });

  it('stops failed sign-ins from one address with 429 and retry-after', async () => {
    await atStartOfAMinute();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMITS.failedAuth + 2; attempt += 1) statuses.push((await wrongLogin()).status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(LIMITS.failedAuth);
    expect(statuses.at(-1)).toBe(429);
    const refused = await wrongLogin();
    expect(refused.body).toMatchObject({ success: false, code: 'RATE_LIMITED' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('never limits the health check', async () => {
    const responses = await Promise.all(Array.from({ length: LIMITS.perIp + 5 }, () => api('/health', { baseUrl: apiUrl })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
  });

  it('refuses requests beyond the per-address limit in the same minute', async () => {
    await atStartOfAMinute();
    const responses = await Promise.all(
      Array.from({ length: LIMITS.perIp + 5 }, () => api('/invite/accept?token=x', { baseUrl: apiUrl })),
    );
    expect(responses.some((response) => response.status === 429)).toBe(true);
    expect(responses.filter((response) => response.status === 429).every((response) => response.headers.get('retry-after'))).toBe(true);
  });

  it('refuses a bad token with 429 once its address has failed too often', async () => {
    await atStartOfAMinute();
    const client = freshClient();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LIMITS.failedAuth; attempt += 1) {
      statuses.push((await api('/me', { ...client, headers: { authorization: 'Bearer not.a.jwt!' } })).status);
    }
    expect(statuses).toEqual([...Array(LIMITS.failedAuth).fill(401), 429]);
  });

  it('counts wrong verification codes against the address that sent them', async () => {
    await atStartOfAMinute();
    const client = freshClient();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LIMITS.failedAuth; attempt += 1) {
      const email = `nobody-${randomBytes(4).toString('hex')}@ratelimit.test`;
      statuses.push((await api('/auth/verify', { ...client, method: 'POST', json: { email, code: '123456' } })).status);
    }
    expect(statuses).toEqual([...Array(LIMITS.failedAuth).fill(400), 429]);
  });

  it("lets the owner in with the right password while strangers guess at the account", async () => {
    const owner = freshClient();
    const sarah = await signedInAdmin({}, owner);
    await atStartOfAMinute();
    const stranger = newClientAddress();
    for (let attempt = 0; attempt < LIMITS.failedLoginPerAccount; attempt += 1) await wrongLogin(sarah.input.email, stranger);
    expect((await wrongLogin(sarah.input.email, stranger)).status).toBe(429);
    const login = await api('/auth/login', { ...owner, method: 'POST', json: { email: sarah.input.email, password: sarah.input.password } });
    expect(login.status).toBe(200);
  });

  it('gives every further address a single guess once an account has had its failed logins', async () => {
    await atStartOfAMinute();
    const email = `target-${randomBytes(4).toString('hex')}@ratelimit.test`;
    for (let attempt = 0; attempt < LIMITS.failedLoginPerAccount; attempt += 1) await wrongLogin(email, newClientAddress());
    const late = newClientAddress();
    expect([(await wrongLogin(email, late)).status, (await wrongLogin(email, late)).status]).toEqual([401, 429]);
  });

  it("does not let a removed member's old token spend the organization's budget", async () => {
    const office = freshClient();
    const sarah = await signedInAdmin({}, office);
    const bob = await adminWithTeammate(sarah, 'member', office);
    expect((await api(`/team/members/${bob.userId}`, { ...office, method: 'DELETE', token: sarah.accessToken })).status).toBe(204);
    await atStartOfAMinute();
    const removed = freshClient();
    await Promise.all(Array.from({ length: LIMITS.perOrganization + 2 }, () => api('/me', { ...removed, token: bob.accessToken })));
    const me = await api('/me', { ...office, token: sarah.accessToken });
    expect(me.status).toBe(200);
  });
});
