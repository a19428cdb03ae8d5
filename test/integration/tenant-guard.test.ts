import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { api, stack } from '../support/stack';
import { decodeJwt, foreignKey, signJwt, tamperPayload } from '../support/tokens';

const HEADER = { alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' };
const now = () => Math.floor(Date.now() / 1000);

let sarah: SignedInAdmin;
let eve: SignedInAdmin;

/** A token exactly like Cognito's for Sarah, built here so one claim at a time can be broken. */
function sarahsClaims(): Record<string, unknown> {
  return { ...decodeJwt(sarah.accessToken).payload, iat: now(), exp: now() + 600 };
}

const me = (token: string) => api('/me', { token });

beforeAll(async () => {
  [sarah, eve] = await Promise.all([signedInAdmin(), signedInAdmin()]);
});

describe('the tenant guard', () => {
  it('accepts a well-formed token signed by the pool (control for the cases below)', async () => {
    const response = await me(signJwt(HEADER, sarahsClaims()));
    expect(response.status).toBe(200);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic scheme', 'Basic c2FyYWg6cGFzcw=='],
    ['garbage', 'Bearer not.a.jwt!'],
  ])('refuses %s with 401', async (_case, authorization) => {
    const response = await api('/me', authorization ? { headers: { authorization } } : {});
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
  });

  it('refuses a token whose organization claim was edited', async () => {
    const response = await me(tamperPayload(sarah.accessToken, { 'custom:organizationId': eve.organizationId }));
    expect(response.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), iat: now() - 7200, exp: now() - 3600 }));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token for another app client', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), aud: 'some-other-client' }));
    expect(response.status).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), iss: 'http://localhost:1/evil_pool' }));
    expect(response.status).toBe(401);
  });

  it('refuses an access token where an ID token is expected', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), token_use: 'access' }));
    expect(response.status).toBe(401);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = signJwt(HEADER, sarahsClaims()).split('.').slice(0, 2);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const response = await me(`${header}.${unsigned[1]}.`);
    expect(response.status).toBe(401);
  });

  it("refuses a token signed by a key that is not the pool's", async () => {
    const response = await me(signJwt(HEADER, sarahsClaims(), foreignKey()));
    expect(response.status).toBe(401);
  });

  it('refuses a token that points at its own key set (jku)', async () => {
    const response = await me(signJwt({ ...HEADER, jku: 'http://127.0.0.1:1/jwks.json' }, sarahsClaims()));
    expect(response.status).toBe(401);
  });

  it('refuses a validly signed token for an organization the user does not belong to', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), 'custom:organizationId': eve.organizationId }));
    expect(response.status).toBe(401);
  });

  it('takes the role from the membership, not from the token', async () => {
    const response = await me(signJwt(HEADER, { ...sarahsClaims(), 'custom:role': 'viewer' }));
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('admin');
  });

  it('uses the issuer the stack reports', () => {
    expect(decodeJwt(sarah.accessToken).payload['iss']).toBe(stack().issuer);
  });
});
