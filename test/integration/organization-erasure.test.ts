import { beforeAll, describe, expect, it } from 'vitest';
import { newSignup, signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { connectGithub, copyOfDemoOrganization, firstSyncFinished } from '../support/github-connection';
import { api } from '../support/stack';
import { partitionItemCount } from '../support/table';
import { adminWithTeammate, type Teammate } from '../support/team';
import { readUntil } from '../support/polling';

/**
 * An organization's exit: DELETE /organization erases every item of it in
 * the background (the `organization-erasure` queue job of `npm start`), and
 * the accounts it leaves with no organization.
 */
let sarah: SignedInAdmin;
let second: Teammate;
let organizationName: string;

const loginOf = (who: { email: string; password: string }) => api('/auth/login', { method: 'POST', json: { email: who.email, password: who.password } });

/** The erasure runs on a queue: wait (bounded) until the organization's partition is empty. */
function erased(orgId: string): Promise<number> {
  return readUntil(() => partitionItemCount(`ORG#${orgId}`), (left) => left === 0, { timeoutMs: 30_000, intervalMs: 250 });
}

beforeAll(async () => {
  sarah = await signedInAdmin({ githubUsername: 'sarah-em' });
  organizationName = sarah.input.organizationName;
  await api('/organization/plan', { method: 'PUT', token: sarah.accessToken, json: { plan: 'pro' } });
  await connectGithub(sarah, await copyOfDemoOrganization());
  second = await adminWithTeammate(sarah, 'admin');
  await firstSyncFinished(sarah);
});

describe('DELETE /organization', () => {
  it("refuses a confirm that is not the organization's name with 400, and erases nothing", async () => {
    const response = await api('/organization', { method: 'DELETE', token: sarah.accessToken, json: { confirm: organizationName.toUpperCase() } });
    expect(response.status).toBe(400);
    expect((await api('/organization', { token: sarah.accessToken })).status).toBe(200);
  });

  it('is for admins only', async () => {
    const member = await adminWithTeammate(sarah, 'member');
    const response = await api('/organization', { method: 'DELETE', token: member.accessToken, json: { confirm: organizationName } });
    expect(response.status).toBe(403);
  });

  it('erases every item of the organization, and a second admin cannot log into it', async () => {
    const before = await partitionItemCount(`ORG#${sarah.organizationId}`);
    expect(before).toBeGreaterThan(20);
    const response = await api('/organization', { method: 'DELETE', token: sarah.accessToken, json: { confirm: organizationName } });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ organizationId: sarah.organizationId, status: 'erasing' });

    expect(await erased(sarah.organizationId)).toBe(0);
    expect((await loginOf(second)).status).toBe(401);
    expect(await partitionItemCount(`USER#${second.userId}`)).toBe(0);
    expect((await api('/me', { token: sarah.accessToken })).status).toBe(401);
  });

  it("frees the organization's name and its admin's address for a new signup", async () => {
    const again = newSignup({ email: sarah.input.email, organizationName });
    const response = await api('/auth/signup', { method: 'POST', json: again });
    expect(response.status).toBe(201);
  });
});
