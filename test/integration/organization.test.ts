import { describe, expect, it } from 'vitest';
import { signedInAdmin } from '../support/accounts';
import { api } from '../support/stack';
import { acceptAndLogIn, adminWithTeammate, completeInvitation, invitationLinkFor, invite } from '../support/team';
import { decodeJwt } from '../support/tokens';

const putSettings = (token: string, json: unknown) => api('/organization/settings', { method: 'PUT', token, json });
const putPlan = (token: string, plan: string) => api('/organization/plan', { method: 'PUT', token, json: { plan } });

describe('GET /organization', () => {
  it('shows plan, seats and default settings to any member', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    const response = await api('/organization', { token: bob.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      organizationId: sarah.organizationId,
      name: sarah.input.organizationName,
      plan: 'free',
      maxMembers: 10,
      currentMembers: 2,
      settings: {
        timezone: 'UTC',
        privacyMode: 'team_transparent',
        visibilityRules: {
          codeQuality: 'visible_to_all',
          burnoutRisk: 'admin_only',
          commitDetails: 'visible_to_all',
          personalInsights: 'owner_only',
        },
        allowMembersViewOthers: true,
      },
    });
  });
});

describe('PUT /organization/settings', () => {
  it('changes any subset and answers with the new settings', async () => {
    const sarah = await signedInAdmin();
    const response = await putSettings(sarah.accessToken, {
      timezone: 'America/Los_Angeles',
      visibilityRules: { burnoutRisk: 'owner_only' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      timezone: 'America/Los_Angeles',
      privacyMode: 'team_transparent',
      visibilityRules: { burnoutRisk: 'owner_only', codeQuality: 'visible_to_all' },
    });
  });

  it('keeps both of two concurrent changes to different fields', async () => {
    const sarah = await signedInAdmin();
    await Promise.all([
      putSettings(sarah.accessToken, { timezone: 'Europe/Berlin' }),
      putSettings(sarah.accessToken, { privacyMode: 'fully_private' }),
      putSettings(sarah.accessToken, { visibilityRules: { codeQuality: 'admin_only' } }),
    ]);
    const { settings } = (await api('/organization', { token: sarah.accessToken })).body;
    expect(settings).toMatchObject({
      timezone: 'Europe/Berlin',
      privacyMode: 'fully_private',
      visibilityRules: { codeQuality: 'admin_only', burnoutRisk: 'admin_only' },
    });
  });

  it.each([
    ['an organizationId', { organizationId: 'org_other', timezone: 'UTC' }, 'organizationId'],
    ['an unknown field', { theme: 'dark' }, 'theme'],
    ['a time zone that is not IANA', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['an unknown privacy mode', { privacyMode: 'open' }, 'privacyMode'],
    ['an unknown visibility', { visibilityRules: { burnoutRisk: 'everyone' } }, 'visibilityRules.burnoutRisk'],
  ])('refuses %s with 400', async (_case, body, path) => {
    const sarah = await signedInAdmin();
    const response = await putSettings(sarah.accessToken, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_ERROR');
    expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
  });

  it('refuses an empty change', async () => {
    const sarah = await signedInAdmin();
    expect((await putSettings(sarah.accessToken, {})).status).toBe(400);
  });

  it('is for admins only', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    expect((await putSettings(bob.accessToken, { timezone: 'UTC' })).status).toBe(403);
  });
});

describe('PUT /organization/plan', () => {
  it('moves between plans with their member limits', async () => {
    const sarah = await signedInAdmin();
    expect((await putPlan(sarah.accessToken, 'pro')).body).toMatchObject({ plan: 'pro', maxMembers: 100 });
    expect((await putPlan(sarah.accessToken, 'enterprise')).body).toMatchObject({ plan: 'enterprise', maxMembers: null });
    expect((await putPlan(sarah.accessToken, 'free')).body).toMatchObject({ plan: 'free', maxMembers: 10 });
  });

  it('refuses a plan smaller than the members and pending invitations', async () => {
    const sarah = await signedInAdmin();
    await putPlan(sarah.accessToken, 'pro');
    const people = Array.from({ length: 10 }, (_, index) => ({
      email: `p${index}-${sarah.organizationId.toLowerCase()}@techstartup.test`,
      name: `Person ${index}`,
      role: 'member' as const,
    }));
    expect((await invite(sarah, people)).status).toBe(201);
    const response = await putPlan(sarah.accessToken, 'free');
    expect(response.status).toBe(409);
    expect((await api('/organization', { token: sarah.accessToken })).body.plan).toBe('pro');
  });

  it('refuses an unknown plan', async () => {
    const sarah = await signedInAdmin();
    expect((await putPlan(sarah.accessToken, 'platinum')).status).toBe(400);
  });
});

describe('several organizations', () => {
  it('adds a second membership to an existing account and switches to it', async () => {
    const sarah = await signedInAdmin();
    const eve = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');

    await invite(eve, [{ email: bob.email, name: 'Bob Senior', role: 'viewer' }]);
    const { token } = await invitationLinkFor(bob.email);
    const wrongPassword = await completeInvitation(token, 'NotBobs123');
    expect(wrongPassword.status).toBe(401);
    const joined = await completeInvitation(token, bob.password);
    expect(joined.status).toBe(201);
    expect(joined.body.user).toEqual({ id: bob.userId, organizationId: eve.organizationId });

    const me = await api('/me', { token: bob.accessToken });
    expect(me.body.user.organizationId).toBe(sarah.organizationId);
    expect(me.body.memberships.map((m: { organizationId: string; role: string }) => [m.organizationId, m.role])).toEqual([
      [sarah.organizationId, 'member'],
      [eve.organizationId, 'viewer'],
    ]);

    const switched = await api('/auth/switch-organization', {
      method: 'POST',
      token: bob.accessToken,
      json: { organizationId: eve.organizationId },
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      user: { id: bob.userId, organizationId: eve.organizationId, role: 'viewer' },
    });
    expect(decodeJwt(switched.body.accessToken).payload['custom:organizationId']).toBe(eve.organizationId);
    const there = await api('/me', { token: switched.body.accessToken });
    expect(there.body).toMatchObject({ role: 'viewer', organization: { organizationId: eve.organizationId } });
    expect((await api('/team/invitations', { token: switched.body.accessToken })).status).toBe(403);
  });

  it('answers 404 when switching to an organization the caller is not in', async () => {
    const sarah = await signedInAdmin();
    const eve = await signedInAdmin();
    const response = await api('/auth/switch-organization', {
      method: 'POST',
      token: sarah.accessToken,
      json: { organizationId: eve.organizationId },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
  });

  it('logs an invited person with an existing unverified account in after joining', async () => {
    const sarah = await signedInAdmin();
    const pending = await api('/auth/signup', {
      method: 'POST',
      json: {
        email: `late-${sarah.organizationId.toLowerCase()}@techstartup.test`,
        password: 'LatePass123',
        name: 'Late Verifier',
        organizationName: `Side ${sarah.organizationId}`,
      },
    });
    expect(pending.status).toBe(201);
    const email = `late-${sarah.organizationId.toLowerCase()}@techstartup.test`;
    await invite(sarah, [{ email, name: 'Late Verifier', role: 'member' }]);
    const { token } = await invitationLinkFor(email);
    expect((await completeInvitation(token, 'LatePass123')).status).toBe(201);
    const login = await api('/auth/login', { method: 'POST', json: { email, password: 'LatePass123' } });
    expect(login.status).toBe(200);
    expect(login.body.user.organizationId).toBe(pending.body.data.organizationId);
  });
});

describe('audit log', () => {
  it('records every change with who, what, when and result, newest first', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    await api(`/team/members/${bob.userId}`, { method: 'PATCH', token: sarah.accessToken, json: { role: 'viewer' } });
    await putSettings(sarah.accessToken, { timezone: 'Europe/Paris' });
    await putPlan(sarah.accessToken, 'pro');
    const response = await api('/audit-logs', { token: sarah.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { event: string }) => item.event)).toEqual([
      'PLAN_CHANGED',
      'SETTINGS_UPDATED',
      'ROLE_CHANGED',
      'MEMBER_JOINED',
      'INVITATION_SENT',
      'ORGANIZATION_CREATED',
    ]);
    expect(response.body.items[0]).toMatchObject({
      timestamp: expect.stringMatching(/Z$/),
      userId: sarah.userId,
      resource: `organization/${sarah.organizationId}`,
      result: 'SUCCESS',
      severity: expect.any(String),
    });
    expect(response.body.nextCursor).toBeNull();
  });

  it('pages with an opaque cursor', async () => {
    const sarah = await signedInAdmin();
    await putSettings(sarah.accessToken, { timezone: 'Europe/Paris' });
    await putPlan(sarah.accessToken, 'pro');
    const first = await api('/audit-logs?limit=2', { token: sarah.accessToken });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(`/audit-logs?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: sarah.accessToken,
    });
    expect(second.body.items.map((item: { event: string }) => item.event)).toEqual(['ORGANIZATION_CREATED']);
  });

  it('refuses a forged cursor and one issued to another organization', async () => {
    const sarah = await signedInAdmin();
    const eve = await signedInAdmin();
    await putPlan(eve.accessToken, 'pro');
    const evePage = await api('/audit-logs?limit=1', { token: eve.accessToken });
    const foreign = await api(`/audit-logs?cursor=${encodeURIComponent(evePage.body.nextCursor)}`, { token: sarah.accessToken });
    expect(foreign.status).toBe(400);
    const forged = await api(`/audit-logs?cursor=${Buffer.from('AUDIT#9999').toString('base64url')}.abc`, {
      token: sarah.accessToken,
    });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('VALIDATION_ERROR');
  });

  it('records the invitation and join of a member as events of the organization', async () => {
    const sarah = await signedInAdmin();
    const bob = { email: `bob-${sarah.organizationId.toLowerCase()}@techstartup.test`, name: 'Bob', role: 'member' as const };
    await invite(sarah, [bob]);
    await acceptAndLogIn(bob.email);
    const events = (await api('/audit-logs', { token: sarah.accessToken })).body.items;
    expect(events.find((event: { event: string }) => event.event === 'INVITATION_SENT').details).toMatchObject({ email: bob.email });
  });
});
