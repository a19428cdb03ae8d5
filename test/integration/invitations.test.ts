import { describe, expect, it } from 'vitest';
import { newSignup, signedInAdmin, unique } from '../support/accounts';
import { expireInvitation, letPendingSignupExpire } from '../support/table';
import { api, inbox } from '../support/stack';
import {
  acceptAndLogIn,
  adminWithTeammate,
  completeInvitation,
  invitationLinkFor,
  invite,
  storyTeam,
} from '../support/team';

const organizationOf = (token: string) => api('/organization', { token });
const person = (label: string, role: 'admin' | 'member' | 'viewer' = 'member') => ({
  email: `${unique(label)}@techstartup.test`,
  name: `${label} Person`,
  role,
});

describe("Sarah's Day 1", () => {
  it('refuses eleven invitations on the free plan, then everyone joins on pro', async () => {
    const sarah = await signedInAdmin();
    const team = storyTeam();

    const refused = await invite(sarah, team);
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ success: false, code: 'PLAN_LIMIT_EXCEEDED' });
    expect(refused.body.error).toMatch(/Upgrade/);
    expect((await api('/team/invitations', { token: sarah.accessToken })).body.items).toEqual([]);
    expect(await inbox().emailsTo(team[0]!.email)).toEqual([]);

    const upgraded = await api('/organization/plan', { method: 'PUT', token: sarah.accessToken, json: { plan: 'pro' } });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({ plan: 'pro', maxMembers: 100 });

    const sent = await invite(sarah, team);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ success: true, invitations: { sent: 11, failed: 0, pending: 11 } });
    expect(sent.body.results).toEqual(team.map(({ email }) => ({ email, status: 'sent' })));

    const joined = await Promise.all(team.map((member) => acceptAndLogIn(member.email)));
    expect(joined).toHaveLength(11);

    const organization = await organizationOf(sarah.accessToken);
    expect(organization.body).toMatchObject({ currentMembers: 12, pendingInvitations: 0 });
    const members = await api('/team/members', { token: sarah.accessToken });
    expect(members.body.items).toHaveLength(12);
    const diana = members.body.items.find((item: { email: string }) => item.email === team[2]!.email);
    expect(diana).toMatchObject({ role: 'viewer', name: 'Diana CTO', githubUsername: null });
  });
});

describe('invitations', () => {
  it('emails a link to APP_URL with a long, URL-safe token', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const email = await inbox().waitForEmail(bob.email);
    expect(email.subject.startsWith(`${sarah.input.name} invited you to ${sarah.input.organizationName}`)).toBe(true);
    const { url, token } = await invitationLinkFor(bob.email);
    expect(url).toMatch(/^http:\/\/localhost:\d+\/invite\/accept\?token=/);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('never returns the token through the API', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    const response = await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const listed = await api('/team/invitations', { token: sarah.accessToken });
    expect(JSON.stringify(response.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ email: bob.email, name: bob.name, role: 'member', status: 'pending', inviteId: expect.any(String) }),
    ]);
  });

  it('shows what the link offers before the person signs up', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const response = await api(`/invite/accept?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      email: bob.email,
      name: bob.name,
      organizationName: sarah.input.organizationName,
      role: 'member',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('welcomes the new member and counts them', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const response = await completeInvitation(token);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      success: true,
      message: `Welcome to ${sarah.input.organizationName}!`,
      user: { id: expect.any(String), organizationId: sarah.organizationId },
    });
    expect((await organizationOf(sarah.accessToken)).body.currentMembers).toBe(2);
    const login = await api('/auth/login', { method: 'POST', json: { email: bob.email, password: 'BobSecure456' } });
    expect(login.body.user).toMatchObject({ organizationId: sarah.organizationId, role: 'member' });
    expect(login.body.user.permissions).not.toContain('invite_members');
  });

  it('answers a used token with 410', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    await completeInvitation(token);
    expect((await completeInvitation(token)).status).toBe(410);
    expect((await api(`/invite/accept?token=${token}`)).status).toBe(410);
  });

  it('answers a revoked token with 410 and frees its seat', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const [invitation] = (await api('/team/invitations', { token: sarah.accessToken })).body.items;
    const revoked = await api(`/team/invitations/${invitation.inviteId}`, { method: 'DELETE', token: sarah.accessToken });
    expect(revoked.status).toBe(204);
    const accept = await api(`/invite/accept?token=${token}`);
    expect(accept.status).toBe(410);
    expect(accept.body).toMatchObject({ success: false, code: 'GONE' });
    expect((await completeInvitation(token)).status).toBe(410);
    expect((await organizationOf(sarah.accessToken)).body.pendingInvitations).toBe(0);
  });

  it('answers an expired token with 410', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const [invitation] = (await api('/team/invitations', { token: sarah.accessToken })).body.items;
    await expireInvitation(sarah.organizationId, invitation.inviteId);
    expect((await api(`/invite/accept?token=${token}`)).status).toBe(410);
    expect((await completeInvitation(token)).status).toBe(410);
    const listed = await api('/team/invitations', { token: sarah.accessToken });
    expect(listed.body.items[0].status).toBe('expired');
  });

  it('lets an admin invite again after an invitation expired, with a fresh link', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const first = await invitationLinkFor(bob.email);
    const [invitation] = (await api('/team/invitations', { token: sarah.accessToken })).body.items;
    await expireInvitation(sarah.organizationId, invitation.inviteId);
    const again = await invite(sarah, [bob]);
    expect(again.body.results).toEqual([{ email: bob.email, status: 'sent' }]);
    expect((await organizationOf(sarah.accessToken)).body.pendingInvitations).toBe(1);
    const second = await invitationLinkFor(bob.email);
    expect(second.token).not.toBe(first.token);
    expect((await completeInvitation(first.token)).status).toBe(410);
    expect((await completeInvitation(second.token)).status).toBe(201);
  });

  it('gives an unknown or malformed token the same answer as a used one', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    await completeInvitation(token);
    const used = await api(`/invite/accept?token=${token}`);
    for (const other of ['A'.repeat(43), 'not a token', '']) {
      const response = await api(`/invite/accept?token=${encodeURIComponent(other)}`);
      expect(response.status).toBe(used.status);
      expect(response.body).toEqual(used.body);
    }
  });

  it('sends no second email for a pending invitation', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    await inbox().waitForEmail(bob.email);
    const again = await invite(sarah, [bob]);
    expect(again.status).toBe(201);
    expect(again.body.results).toEqual([{ email: bob.email, status: 'failed', reason: expect.stringMatching(/pending/) }]);
    expect(await inbox().emailsTo(bob.email)).toHaveLength(1);
    expect((await organizationOf(sarah.accessToken)).body.pendingInvitations).toBe(1);
  });

  it('refuses to invite an existing member, entry by entry', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah);
    const charlie = person('charlie');
    const response = await invite(sarah, [
      { email: bob.email, name: 'Bob', role: 'member' },
      charlie,
    ]);
    expect(response.status).toBe(201);
    expect(response.body.results).toEqual([
      { email: bob.email, status: 'failed', reason: expect.stringMatching(/member/) },
      { email: charlie.email, status: 'sent' },
    ]);
    expect(response.body.invitations).toMatchObject({ sent: 1, failed: 1 });
  });

  it('accepts 1 to 50 invitations per request', async () => {
    const sarah = await signedInAdmin();
    expect((await invite(sarah, [])).status).toBe(400);
    const tooMany = Array.from({ length: 51 }, (_, index) => person(`p${index}`));
    expect((await invite(sarah, tooMany)).status).toBe(400);
  });

  it('lets only admins invite', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    const diana = await adminWithTeammate(sarah, 'viewer');
    for (const caller of [bob, diana]) {
      const response = await invite(caller, [person('x')]);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ success: false, code: 'FORBIDDEN' });
    }
  });
});

describe('under concurrency', () => {
  it('lets at most nine of fifteen parallel invitations into a free organization', async () => {
    const sarah = await signedInAdmin();
    const responses = await Promise.all(Array.from({ length: 15 }, (_, index) => invite(sarah, [person(`race${index}`)])));
    const accepted = responses.filter((response) => response.status === 201);
    expect(accepted).toHaveLength(9);
    expect(responses.filter((response) => response.status !== 201).every((response) => response.status === 402)).toBe(true);
    const organization = (await organizationOf(sarah.accessToken)).body;
    expect(organization.currentMembers + organization.pendingInvitations).toBeLessThanOrEqual(10);
    expect(organization.pendingInvitations).toBe(accepted.length);
  });

  it('lets exactly one of six parallel completions of one invitation through', async () => {
    const sarah = await signedInAdmin();
    const bob = person('bob');
    await invite(sarah, [bob]);
    const { token } = await invitationLinkFor(bob.email);
    const responses = await Promise.all(Array.from({ length: 6 }, () => completeInvitation(token)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect([409, 410]).toContain(response.status);
    }
    expect((await organizationOf(sarah.accessToken)).body).toMatchObject({ currentMembers: 2, pendingInvitations: 0 });
  });
});

describe('an address held by an unverified signup', () => {
  const squat = async () => {
    const squatter = newSignup({ password: 'Squatter123' });
    expect((await api('/auth/signup', { method: 'POST', json: squatter })).status).toBe(201);
    return squatter;
  };
  const logIn = (email: string, password: string) => api('/auth/login', { method: 'POST', json: { email, password } });

  it('is taken over by an invitation to it, and the unverified signup goes', async () => {
    const sarah = await signedInAdmin();
    const squatter = await squat();
    await invite(sarah, [{ email: squatter.email, name: 'Bob Senior', role: 'member' }]);
    const { token } = await invitationLinkFor(squatter.email);
    const joined = await completeInvitation(token, 'BobSecure456');
    expect(joined.status).toBe(201);
    const login = await logIn(squatter.email, 'BobSecure456');
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: joined.body.user.id, organizationId: sarah.organizationId, role: 'member' });
    expect((await logIn(squatter.email, squatter.password)).status).toBe(401);
    const nameAgain = await api('/auth/signup', { method: 'POST', json: newSignup({ organizationName: squatter.organizationName }) });
    expect(nameAgain.status).toBe(201);
  });

  it('becomes a lasting account when its owner completes the invitation with its password', async () => {
    const sarah = await signedInAdmin();
    const own = await squat();
    await invite(sarah, [{ email: own.email, name: 'Late Verifier', role: 'member' }]);
    const { token } = await invitationLinkFor(own.email);
    expect((await completeInvitation(token, own.password)).status).toBe(201);
    await letPendingSignupExpire(own.email, own.organizationName);
    expect((await api('/auth/signup', { method: 'POST', json: newSignup({ organizationName: own.organizationName }) })).status).toBe(409);
    expect((await logIn(own.email, own.password)).status).toBe(200);
  });
});
