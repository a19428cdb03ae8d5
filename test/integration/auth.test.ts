import { describe, expect, it } from 'vitest';
import { newSignup, signedInAdmin, unique, verificationCodeFor } from '../support/accounts';
import { api, inbox, newClientAddress } from '../support/stack';
import { backdateVerificationCode, letPendingSignupExpire, storeCodeTheOldWay } from '../support/table';
import { teammateOfTwo } from '../support/team';
import { decodeJwt } from '../support/tokens';

const signUp = (json: unknown) => api('/auth/signup', { method: 'POST', json });
const logIn = (email: string, password: string) => api('/auth/login', { method: 'POST', json: { email, password } });
const verify = (email: string, code: string, from?: string) => api('/auth/verify', { method: 'POST', from, json: { email, code } });
/** A code that is certainly not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('signup', () => {
  it('creates the organization with Sarah as admin, as in the story', async () => {
    const input = newSignup();
    const response = await signUp(input);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      success: true,
      message: 'Organization created! Check email to verify.',
      data: { userId: expect.any(String), organizationId: expect.any(String), role: 'admin' },
    });
  });

  it('emails a 6-digit verification code to the local inbox', async () => {
    const input = newSignup();
    await signUp(input);
    const email = await inbox().waitForEmail(input.email, { subjectStartsWith: 'Verify' });
    expect(email.body.text).toMatch(/\b\d{6}\b/);
  });

  it('refuses a weak password and names the field', async () => {
    const response = await signUp(newSignup({ password: 'password' }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain('password');
  });

  it('refuses a duplicate email with 409', async () => {
    const first = newSignup();
    await signUp(first);
    const again = await signUp(newSignup({ email: first.email.toUpperCase() }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ success: false, code: 'CONFLICT' });
  });

  it('treats organization names case-insensitively', async () => {
    const first = newSignup();
    await signUp(first);
    const again = await signUp(newSignup({ organizationName: first.organizationName.toUpperCase() }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/organization/i);
  });

  it('leaves nothing behind that blocks a retry after a failed signup', async () => {
    const taken = newSignup();
    await signUp(taken);
    const retry = newSignup();
    const failed = await signUp({ ...retry, organizationName: taken.organizationName });
    expect(failed.status).toBe(409);
    const second = await signUp(retry);
    expect(second.status).toBe(201);
  });

  it('lets exactly one of five simultaneous signups with one email through', async () => {
    const email = `${unique('race')}@techstartup.test`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => signUp(newSignup({ email }))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('lets exactly one of five simultaneous signups with one organization name through', async () => {
    const organizationName = `Race Inc ${unique('org')}`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => signUp(newSignup({ organizationName }))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });
});

/** A new unverified signup whose emailed code then got five wrong tries from `from` (default 127.0.0.1). */
async function signupWithFiveWrongTries(from?: string) {
  const input = newSignup();
  await signUp(input);
  const code = await verificationCodeFor(input.email);
  for (let attempt = 0; attempt < 5; attempt += 1) await verify(input.email, otherThan(code), from);
  return { input, code };
}

describe('verification', () => {
  it('keeps an unverified account out with 403 EMAIL_NOT_VERIFIED', async () => {
    const input = newSignup();
    await signUp(input);
    const response = await logIn(input.email, input.password);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ success: false, code: 'EMAIL_NOT_VERIFIED' });
  });

  it('refuses a wrong code and accepts the emailed one', async () => {
    const input = newSignup();
    await signUp(input);
    const code = await verificationCodeFor(input.email);
    const wrong = otherThan(code);
    const refused = await verify(input.email, wrong);
    expect(refused.status).toBe(400);
    const accepted = await verify(input.email, code);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ success: true });
  });

  it('locks the code for the address that made five wrong tries, even for the right code', async () => {
    const { input, code } = await signupWithFiveWrongTries();
    const locked = await verify(input.email, code);
    expect(locked.status).toBe(400);
  });

  it('spends attempts atomically, so ten parallel guesses cannot get past the limit', async () => {
    const input = newSignup();
    await signUp(input);
    const code = await verificationCodeFor(input.email);
    await Promise.all(Array.from({ length: 10 }, () => verify(input.email, otherThan(code))));
    const locked = await verify(input.email, code);
    expect(locked.status).toBe(400);
  });

  it("accepts the owner's code after a stranger spent five wrong tries on it", async () => {
    const { input, code } = await signupWithFiveWrongTries(newClientAddress());
    const owner = await verify(input.email, code, newClientAddress());
    expect(owner.status).toBe(200);
  });

  it('gives a resent code fresh attempts', async () => {
    const { input } = await signupWithFiveWrongTries();
    await backdateVerificationCode(input.email, 61_000);
    await api('/auth/resend-verification', { method: 'POST', json: { email: input.email } });
    await expect.poll(async () => (await inbox().emailsTo(input.email)).length).toBe(2);
    const fresh = await verificationCodeFor(input.email);
    const accepted = await verify(input.email, fresh);
    expect(accepted.status).toBe(200);
  });

  it('accepts a code stored before attempts were kept per client', async () => {
    const input = newSignup();
    await signUp(input);
    const code = await verificationCodeFor(input.email);
    await storeCodeTheOldWay(input.email);
    expect((await verify(input.email, otherThan(code))).status).toBe(400);
    expect((await verify(input.email, code)).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong code', async () => {
    const input = newSignup();
    await signUp(input);
    const wrongCode = await api('/auth/verify', { method: 'POST', json: { email: input.email, code: '000000' } });
    const unknown = await api('/auth/verify', {
      method: 'POST',
      json: { email: `${unique('nobody')}@techstartup.test`, code: '000000' },
    });
    expect(unknown.status).toBe(wrongCode.status);
    expect(unknown.body).toEqual(wrongCode.body);
  });

  it('answers resend with 200 whether or not the account exists', async () => {
    const unknown = await api('/auth/resend-verification', {
      method: 'POST',
      json: { email: `${unique('nobody')}@techstartup.test` },
    });
    expect(unknown.status).toBe(200);
  });

  it('sends no second code within a minute of the first', async () => {
    const input = newSignup();
    await signUp(input);
    await verificationCodeFor(input.email);
    const response = await api('/auth/resend-verification', { method: 'POST', json: { email: input.email } });
    expect(response.status).toBe(200);
    expect(await inbox().emailsTo(input.email)).toHaveLength(1);
  });
});

describe('login', () => {
  it('returns tokens and the user scoped to the organization', async () => {
    const admin = await signedInAdmin();
    const response = await logIn(admin.input.email, admin.input.password);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      user: {
        id: admin.userId,
        email: admin.input.email,
        name: admin.input.name,
        organizationId: admin.organizationId,
        organizationName: admin.input.organizationName,
        role: 'admin',
        permissions: expect.arrayContaining(['invite_members', 'manage_settings']),
      },
    });
  });

  it('issues a JWT whose verified claims carry the organization and role', async () => {
    const admin = await signedInAdmin();
    const { payload } = decodeJwt(admin.accessToken);
    expect(payload['custom:organizationId']).toBe(admin.organizationId);
    expect(payload['custom:role']).toBe('admin');
    expect(payload['cognito:username']).toBe(admin.userId);
  });

  it('accepts the email in any case', async () => {
    const admin = await signedInAdmin();
    const response = await logIn(admin.input.email.toUpperCase(), admin.input.password);
    expect(response.status).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const admin = await signedInAdmin();
    const wrongPassword = await logIn(admin.input.email, 'WrongPass999');
    const unknownEmail = await logIn(`${unique('nobody')}@techstartup.test`, 'WrongPass999');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
  });
});

describe('refresh', () => {
  it('exchanges the refresh token for a new access token that works', async () => {
    const admin = await signedInAdmin();
    const response = await api('/auth/refresh', { method: 'POST', json: { refreshToken: admin.refreshToken } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    const me = await api('/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
  });

  it('refuses a forged refresh token with 401', async () => {
    const response = await api('/auth/refresh', { method: 'POST', json: { refreshToken: 'not-a-refresh-token' } });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('GET /me', () => {
  it('describes the caller, the organization and the memberships', async () => {
    const admin = await signedInAdmin();
    const response = await api('/me', { token: admin.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { id: admin.userId, email: admin.input.email, organizationId: admin.organizationId, role: 'admin' },
      organization: {
        organizationId: admin.organizationId,
        name: admin.input.organizationName,
        plan: 'free',
        maxMembers: 10,
        currentMembers: 1,
        settings: { privacyMode: 'team_transparent', allowMembersViewOthers: true },
      },
      role: 'admin',
      permissions: expect.arrayContaining(['invite_members']),
      memberships: [{ organizationId: admin.organizationId, organizationName: admin.input.organizationName, role: 'admin' }],
    });
  });
});

describe('sessions per device', () => {
  const organizationOf = (accessToken: string) => decodeJwt(accessToken).payload['custom:organizationId'];
  const switchTo = (accessToken: string, organizationId: string) =>
    api('/auth/switch-organization', { method: 'POST', token: accessToken, json: { organizationId } });
  const logInTo = (email: string, password: string, organizationId?: string) =>
    api('/auth/login', { method: 'POST', json: { email, password, ...(organizationId ? { organizationId } : {}) } });

  it("keeps a refresh in its own session's organization after another device switched", async () => {
    const { sarah, eve, bob } = await teammateOfTwo();
    const laptop = await logInTo(bob.email, bob.password);
    expect((await switchTo(laptop.body.accessToken, eve.organizationId)).status).toBe(200);
    const phone = await api('/auth/refresh', { method: 'POST', json: { refreshToken: bob.refreshToken } });
    expect(phone.status).toBe(200);
    expect(organizationOf(phone.body.accessToken)).toBe(sarah.organizationId);
    expect((await api('/me', { token: phone.body.accessToken })).body.user.organizationId).toBe(sarah.organizationId);
  });

  it('keeps a switched session in its organization when it refreshes', async () => {
    const { eve, bob } = await teammateOfTwo();
    const switched = await switchTo(bob.accessToken, eve.organizationId);
    const refreshed = await api('/auth/refresh', { method: 'POST', json: { refreshToken: switched.body.refreshToken } });
    expect(organizationOf(refreshed.body.accessToken)).toBe(eve.organizationId);
  });

  it("never hands a refresh a token for another session's organization, even when both refresh at once", async () => {
    const { sarah, eve, bob } = await teammateOfTwo();
    const inEve = await logInTo(bob.email, bob.password, eve.organizationId);
    const sessions = [
      { refreshToken: bob.refreshToken, organizationId: sarah.organizationId },
      { refreshToken: inEve.body.refreshToken, organizationId: eve.organizationId },
    ];
    const refreshes = sessions.flatMap((session) =>
      Array.from({ length: 3 }, async () => {
        const response = await api('/auth/refresh', { method: 'POST', json: { refreshToken: session.refreshToken } });
        return { status: response.status, expected: session.organizationId, got: response.status === 200 ? organizationOf(response.body.accessToken) : undefined };
      }),
    );
    const outcomes = await Promise.all(refreshes);
    // Two sessions racing over one user's claims may have to retry (409); a token for the wrong organization never comes back.
    expect(outcomes.every((outcome) => outcome.status === 409 || (outcome.status === 200 && outcome.got === outcome.expected))).toBe(true);
    expect(outcomes.some((outcome) => outcome.status === 200)).toBe(true);
  });

  it('lands a login in the first organization joined, whatever another device switched to', async () => {
    const { sarah, eve, bob } = await teammateOfTwo();
    await switchTo(bob.accessToken, eve.organizationId);
    const login = await logInTo(bob.email, bob.password);
    expect(login.status).toBe(200);
    expect(login.body.user.organizationId).toBe(sarah.organizationId);
    expect(organizationOf(login.body.accessToken)).toBe(sarah.organizationId);
  });

  it('signs in to the organization named at login, and lands there at the next login', async () => {
    const { eve, bob } = await teammateOfTwo();
    const chosen = await logInTo(bob.email, bob.password, eve.organizationId);
    expect(chosen.status).toBe(200);
    expect(chosen.body.user).toMatchObject({ organizationId: eve.organizationId, role: 'viewer' });
    expect(organizationOf(chosen.body.accessToken)).toBe(eve.organizationId);
    const next = await logInTo(bob.email, bob.password);
    expect(next.body.user.organizationId).toBe(eve.organizationId);
  });

  it('answers a login into an organization the user is not in like one that does not exist, after the password', async () => {
    const { bob } = await teammateOfTwo();
    const stranger = await signedInAdmin();
    const foreign = await logInTo(bob.email, bob.password, stranger.organizationId);
    const missing = await logInTo(bob.email, bob.password, 'org_doesnotexist');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await logInTo(bob.email, 'WrongPass999', stranger.organizationId)).status).toBe(401);
  });
});

describe('unverified signups', () => {
  it('lets the owner of an address sign up once an unverified signup held it for 48 hours', async () => {
    const squatter = newSignup({ password: 'Squatter123' });
    expect((await signUp(squatter)).status).toBe(201);
    const owner = newSignup({ email: squatter.email });
    expect((await signUp(owner)).status).toBe(409);
    await letPendingSignupExpire(squatter.email, squatter.organizationName);
    const signup = await signUp(owner);
    expect(signup.status).toBe(201);
    expect((await verify(owner.email, await verificationCodeFor(owner.email))).status).toBe(200);
    const login = await logIn(owner.email, owner.password);
    expect(login.status).toBe(200);
    expect(login.body.user.organizationId).toBe(signup.body.data.organizationId);
    expect((await logIn(squatter.email, squatter.password)).status).toBe(401);
  });

  it('frees the organization name of a signup left unverified for 48 hours, and its address too', async () => {
    const squatter = newSignup();
    await signUp(squatter);
    await letPendingSignupExpire(squatter.email, squatter.organizationName);
    const taker = await signUp(newSignup({ organizationName: squatter.organizationName.toUpperCase() }));
    expect(taker.status).toBe(201);
    expect((await signUp(newSignup({ email: squatter.email }))).status).toBe(201);
  });

  it('lets exactly one of five simultaneous signups take over an expired address', async () => {
    const squatter = newSignup();
    await signUp(squatter);
    await letPendingSignupExpire(squatter.email, squatter.organizationName);
    const responses = await Promise.all(Array.from({ length: 5 }, () => signUp(newSignup({ email: squatter.email }))));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('lets exactly one of five simultaneous signups take over an expired organization name', async () => {
    const squatter = newSignup();
    await signUp(squatter);
    await letPendingSignupExpire(squatter.email, squatter.organizationName);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => signUp(newSignup({ organizationName: squatter.organizationName }))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('refuses the emailed code of a signup once its 48 hours are up', async () => {
    const input = newSignup();
    await signUp(input);
    const code = await verificationCodeFor(input.email);
    await letPendingSignupExpire(input.email, input.organizationName);
    expect((await verify(input.email, code)).status).toBe(400);
    expect((await logIn(input.email, input.password)).status).toBe(401);
  });

  it("keeps a verified organization's address and name for good, however long ago it signed up", async () => {
    const sarah = await signedInAdmin();
    await letPendingSignupExpire(sarah.input.email, sarah.input.organizationName);
    expect((await signUp(newSignup({ email: sarah.input.email }))).status).toBe(409);
    expect((await signUp(newSignup({ organizationName: sarah.input.organizationName }))).status).toBe(409);
    expect((await logIn(sarah.input.email, sarah.input.password)).status).toBe(200);
  });
});
