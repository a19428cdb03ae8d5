import { describe, expect, it } from 'vitest';
import { signedInAdmin } from '../support/accounts';
import { api } from '../support/stack';
import { adminWithTeammate, teammateOfTwo } from '../support/team';

const changeRole = (token: string, userId: string, role: string) =>
  api(`/team/members/${userId}`, { method: 'PATCH', token, json: { role } });
const remove = (token: string, userId: string) => api(`/team/members/${userId}`, { method: 'DELETE', token });

describe('team members', () => {
  it('lists everyone in the organization to any role', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    const response = await api('/team/members', { token: bob.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        userId: sarah.userId,
        name: sarah.input.name,
        email: sarah.input.email,
        role: 'admin',
        githubUsername: 'sarah-em',
        joinedAt: expect.stringMatching(/Z$/),
      },
      expect.objectContaining({ userId: bob.userId, email: bob.email, role: 'member' }),
    ]);
  });

  it("applies a role change from the member's next request, old token and all", async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    expect((await api('/team/invitations', { token: bob.accessToken })).status).toBe(403);
    const promoted = await changeRole(sarah.accessToken, bob.userId, 'admin');
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ userId: bob.userId, role: 'admin' });
    expect((await api('/team/invitations', { token: bob.accessToken })).status).toBe(200);
    expect((await api('/me', { token: bob.accessToken })).body.role).toBe('admin');
  });

  it('refuses to demote the last admin with 409', async () => {
    const sarah = await signedInAdmin();
    const response = await changeRole(sarah.accessToken, sarah.userId, 'member');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ success: false, code: 'CONFLICT' });
    expect((await api('/me', { token: sarah.accessToken })).body.role).toBe('admin');
  });

  it('lets an admin step down once another admin exists', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    await changeRole(sarah.accessToken, bob.userId, 'admin');
    expect((await changeRole(sarah.accessToken, sarah.userId, 'member')).status).toBe(200);
    expect((await changeRole(bob.accessToken, bob.userId, 'viewer')).status).toBe(409);
  });

  it('keeps one admin when two admins demote each other at once', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'admin');
    const responses = await Promise.all([
      changeRole(sarah.accessToken, bob.userId, 'member'),
      changeRole(bob.accessToken, sarah.userId, 'member'),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const roles = (await api('/team/members', { token: sarah.accessToken })).body.items.map((m: { role: string }) => m.role);
    expect(roles.filter((role: string) => role === 'admin')).toHaveLength(1);
  });

  it('does not let a member promote himself', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    const response = await changeRole(bob.accessToken, bob.userId, 'admin');
    expect(response.status).toBe(403);
    expect((await api('/me', { token: bob.accessToken })).body.role).toBe('member');
  });

  it('refuses an unknown role with 400', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    const response = await changeRole(sarah.accessToken, bob.userId, 'owner');
    expect(response.status).toBe(400);
    expect(response.body.details[0].path).toBe('role');
  });

  it('answers a member of another organization exactly like one that does not exist', async () => {
    const sarah = await signedInAdmin();
    const eve = await signedInAdmin();
    const foreign = await changeRole(sarah.accessToken, eve.userId, 'viewer');
    const missing = await changeRole(sarah.accessToken, 'usr_doesnotexist', 'viewer');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await remove(sarah.accessToken, eve.userId)).status).toBe(404);
  });

  it("writes a reach into another organization's members to both audit logs", async () => {
    const sarah = await signedInAdmin();
    const eve = await signedInAdmin();
    await changeRole(eve.accessToken, sarah.userId, 'viewer');
    const attempt = { event: 'UNAUTHORIZED_ACCESS_ATTEMPT', userId: eve.userId, result: 'BLOCKED', severity: 'HIGH' };
    const inEve = (await api('/audit-logs', { token: eve.accessToken })).body.items;
    const inSarah = (await api('/audit-logs', { token: sarah.accessToken })).body.items;
    expect(inEve[0]).toMatchObject({ ...attempt, resource: `member/${sarah.userId}` });
    expect(inSarah[0]).toMatchObject(attempt);
  });

  it('locks a removed member out on their next request', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    expect((await api('/me', { token: bob.accessToken })).status).toBe(200);
    expect((await remove(sarah.accessToken, bob.userId)).status).toBe(204);
    const after = await api('/me', { token: bob.accessToken });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
    const organization = await api('/organization', { token: sarah.accessToken });
    expect(organization.body.currentMembers).toBe(1);
    const members = await api('/team/members', { token: sarah.accessToken });
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual([sarah.userId]);
  });

  it("ends a removed member's session for that organization, and only that one", async () => {
    const { sarah, eve, bob } = await teammateOfTwo();
    const inEve = await api('/auth/login', { method: 'POST', json: { email: bob.email, password: bob.password, organizationId: eve.organizationId } });
    expect((await remove(sarah.accessToken, bob.userId)).status).toBe(204);
    const ended = await api('/auth/refresh', { method: 'POST', json: { refreshToken: bob.refreshToken } });
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
    const kept = await api('/auth/refresh', { method: 'POST', json: { refreshToken: inEve.body.refreshToken } });
    expect(kept.status).toBe(200);
  });

  it('keeps a removed member from logging back into the organization', async () => {
    const sarah = await signedInAdmin();
    const bob = await adminWithTeammate(sarah, 'member');
    await remove(sarah.accessToken, bob.userId);
    const login = await api('/auth/login', { method: 'POST', json: { email: bob.email, password: bob.password } });
    expect(login.status).toBe(401);
  });

  it('refuses to remove the last admin', async () => {
    const sarah = await signedInAdmin();
    expect((await remove(sarah.accessToken, sarah.userId)).status).toBe(409);
  });

  it('answers members and viewers with 403 on admin routes', async () => {
    const sarah = await signedInAdmin();
    const diana = await adminWithTeammate(sarah, 'viewer');
    expect((await remove(diana.accessToken, sarah.userId)).status).toBe(403);
    expect((await api('/audit-logs', { token: diana.accessToken })).status).toBe(403);
    expect((await api('/organization/plan', { method: 'PUT', token: diana.accessToken, json: { plan: 'pro' } })).status).toBe(403);
  });
});
