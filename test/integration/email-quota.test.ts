import { describe, expect, it } from 'vitest';
import { msUntilNextUtcDay } from '../../src/domain/utc-day';
import { signedInAdmin, unique, type SignedInAdmin } from '../support/accounts';
import { connectAndSync, copyOfDemoOrganization } from '../support/github-connection';
import { api, inbox } from '../support/stack';
import { invite, type InvitationEntry } from '../support/team';

/** The free plan's daily email quota (src/domain/plans.ts), which these tests use up. */
const FREE_DAILY_EMAILS = 20;

const people = (count: number): InvitationEntry[] =>
  Array.from({ length: count }, () => ({ email: `${unique('quota')}@quota.test`, name: 'Quota Person', role: 'member' as const }));

/** Revokes every pending invitation, so the free plan's seats come back (the emails already sent stay counted). */
async function revokeAll(admin: SignedInAdmin): Promise<void> {
  const { items } = (await api('/team/invitations', { token: admin.accessToken })).body as { items: { inviteId: string; status: string }[] };
  for (const item of items.filter((invitation) => invitation.status === 'pending')) {
    const revoked = await api(`/team/invitations/${item.inviteId}`, { method: 'DELETE', token: admin.accessToken });
    if (revoked.status !== 204) throw new Error(`revoke answered ${revoked.status}`);
  }
}

/** Sends `count` invitations (at most 9 at once on the free plan) and revokes them: `count` emails of today's quota used. */
async function useEmails(admin: SignedInAdmin, count: number): Promise<void> {
  for (let left = count; left > 0; left -= 9) {
    const sent = await invite(admin, people(Math.min(9, left)));
    if (sent.status !== 201) throw new Error(`invite answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    await revokeAll(admin);
  }
}

const pendingEmails = async (admin: SignedInAdmin) =>
  ((await api('/team/invitations', { token: admin.accessToken })).body.items as { email: string; status: string }[])
    .filter((item) => item.status === 'pending')
    .map((item) => item.email);

describe('the daily email quota', () => {
  it('refuses a batch that would pass the plan quota with 429 until the next UTC day and sends none of it', async () => {
    const sarah = await signedInAdmin();
    await useEmails(sarah, FREE_DAILY_EMAILS - 2);
    const batch = people(3);

    const refused = await invite(sarah, batch);

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ success: false, code: 'RATE_LIMITED' });
    const untilTomorrow = Math.ceil(msUntilNextUtcDay(new Date()) / 1000);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(untilTomorrow - 60);
    // The server rounded up a moment earlier, so its wait may be one second longer than ours.
    expect(retryAfter).toBeLessThanOrEqual(untilTomorrow + 1);
    for (const person of batch) expect(await inbox().emailsTo(person.email)).toEqual([]);
    expect(await pendingEmails(sarah)).toEqual([]);
    expect((await api('/organization', { token: sarah.accessToken })).body).toMatchObject({ pendingInvitations: 0 });

    const fits = await invite(sarah, batch.slice(0, 2));
    expect(fits.status).toBe(201);
    expect(fits.body.invitations).toMatchObject({ sent: 2, failed: 0 });
  });

  it('lets exactly the quota through when batches race', async () => {
    const sarah = await signedInAdmin();
    await useEmails(sarah, FREE_DAILY_EMAILS - 2);
    const racers = people(6);

    const answers = await Promise.all(racers.map((person) => invite(sarah, [person])));

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 429, 429, 429, 429]);
    expect(await pendingEmails(sarah)).toHaveLength(2);
  });

  it('gives back the emails of invitations that lost a race and were never sent', async () => {
    const sarah = await signedInAdmin();
    const pair = people(2);
    // The same two people in four parallel batches: every batch may take quota, only one invitation per person is sent.
    const answers = await Promise.all([1, 2, 3, 4].map(() => invite(sarah, pair)));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    for (const person of pair) expect(await inbox().emailsTo(person.email)).toHaveLength(1);
    await revokeAll(sarah);

    await useEmails(sarah, FREE_DAILY_EMAILS - 2 - 1);
    const last = await invite(sarah, people(1));
    expect(last.status).toBe(201);
    expect((await invite(sarah, people(1))).status).toBe(429);
  });

  it('does not count entries that were refused one by one', async () => {
    const sarah = await signedInAdmin();
    const batch = people(9);
    expect((await invite(sarah, batch)).status).toBe(201);
    for (let again = 0; again < 3; again += 1) {
      const repeated = await invite(sarah, batch);
      expect(repeated.body.invitations).toMatchObject({ sent: 0, failed: 9 });
    }
    await revokeAll(sarah);
    expect((await invite(sarah, people(FREE_DAILY_EMAILS - 9 - 2))).status).toBe(201);
  });

  it('counts report emails against the same quota, one per recipient', async () => {
    const sarah = await signedInAdmin();
    await connectAndSync(sarah, await copyOfDemoOrganization());
    const report = await api(`/ai/generate-report/${sarah.organizationId}`, {
      method: 'POST',
      token: sarah.accessToken,
      json: { reportType: 'executive', includeGraphs: false, includeIndividuals: false, confidential: true },
    });
    expect(report.status).toBe(201);
    await useEmails(sarah, FREE_DAILY_EMAILS - 1);
    const emailReport = () =>
      api(`/reports/${report.body.reportId}/email`, { method: 'POST', token: sarah.accessToken, json: { to: [sarah.input.email] } });

    expect((await emailReport()).status).toBe(202);
    const refused = await emailReport();

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ success: false, code: 'RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const reports = (await inbox().emailsTo(sarah.input.email)).filter((email) => email.attachments.length > 0);
    expect(reports).toHaveLength(1);
  });
});
