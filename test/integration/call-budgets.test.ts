import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rateLimitCallsOf } from '../../src/http/rate-limits';
import { routeKey, routes, type RouteDefinition } from '../../src/routes';
import { newSignup, signedInAdmin, verificationCodeFor } from '../support/accounts';
import { api, type ApiRequest } from '../support/stack';
import { accountId, copyOfDemoOrganization } from '../support/github-connection';
import { localWebhookSecret, signatureOf } from '../support/webhooks';
import { adminWithTeammate, completeInvitation, invitationLinkFor, invite } from '../support/team';

/**
 * Every route, called once on its ordinary path, against the budget written
 * beside it in the route table. The count comes from the SDK middleware that
 * counts DynamoDB calls per request (x-ddb-calls), not from reading the code.
 */
const measured = new Map<string, { calls: number; operations: string; status: number }>();

async function call(key: string, path: string, request: ApiRequest = {}) {
  const response = await api(path, request);
  measured.set(key, {
    status: response.status,
    calls: Number(response.headers.get('x-ddb-calls')),
    operations: response.headers.get('x-ddb-operations') ?? '',
  });
  return response;
}

afterAll(() => {
  const table = [...measured].map(([key, { calls, operations }]) => `${key.padEnd(36)} ${String(calls).padStart(2)}  ${operations}`);
  console.info(`DynamoDB calls per request:\n${table.join('\n')}`);
});

describe('DynamoDB call budgets', () => {
  it('holds every route to the budget in the route table', async () => {
    await call('GET /health', '/health');
    const delivery = JSON.stringify({ action: 'opened', installation: { id: 1 }, repository: { full_name: 'acme/site' } });
    await call('POST /webhooks/github', '/webhooks/github', {
      method: 'POST',
      body: delivery,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': signatureOf(localWebhookSecret(), delivery),
      },
    });

    const input = newSignup();
    await call('POST /auth/signup', '/auth/signup', { method: 'POST', json: input });
    await call('POST /auth/resend-verification', '/auth/resend-verification', { method: 'POST', json: { email: input.email } });
    const code = await verificationCodeFor(input.email);
    await call('POST /auth/verify', '/auth/verify', { method: 'POST', json: { email: input.email, code } });
    const login = await call('POST /auth/login', '/auth/login', { method: 'POST', json: { email: input.email, password: input.password } });
    const token = login.body.accessToken as string;
    await call('POST /auth/refresh', '/auth/refresh', { method: 'POST', json: { refreshToken: login.body.refreshToken } });
    await call('GET /me', '/me', { token });
    await call('PUT /me/settings', '/me/settings', { method: 'PUT', token, json: { timezone: 'Europe/Paris' } });

    await call('GET /organization', '/organization', { token });
    await call('PUT /organization/settings', '/organization/settings', { method: 'PUT', token, json: { timezone: 'Europe/Berlin' } });
    await call('PUT /organization/plan', '/organization/plan', { method: 'PUT', token, json: { plan: 'pro' } });

    // A GitHub organization of this test's own (the demo's history), connected for the analytics below.
    const connect = await call('POST /integrations/github/connect', '/integrations/github/connect', { method: 'POST', token });
    const installPage = new URL(connect.body.installUrl);
    installPage.searchParams.set('suggested_target_id', String(await accountId(await copyOfDemoOrganization())));
    const setup = new URL((await fetch(installPage, { redirect: 'manual' })).headers.get('location') ?? '');
    await call('GET /integrations/github/callback', `${setup.pathname}${setup.search}`, { headers: { accept: 'application/json' } });
    await call('GET /integrations/github', '/integrations/github', { token });
    await call('GET /sync', '/sync', { token });
    await call('POST /sync', '/sync', { method: 'POST', token });

    const bob = { email: `bob-${Date.now()}@budget.test`, name: 'Bob', role: 'member' as const };
    await call('POST /team/invite', '/team/invite', { method: 'POST', token, json: { invitations: [bob] } });
    await call('GET /team/invitations', '/team/invitations', { token });
    const { token: inviteToken } = await invitationLinkFor(bob.email);
    await call('GET /invite/accept', `/invite/accept?token=${inviteToken}`);
    const joined = await call('POST /invite/complete', '/invite/complete', {
      method: 'POST',
      json: { token: inviteToken, password: 'BobSecure456' },
    });
    const bobId = joined.body.user.id as string;

    const revocable = { email: `carol-${Date.now()}@budget.test`, name: 'Carol', role: 'viewer' as const };
    const sarah = { accessToken: token };
    await invite(sarah, [revocable]);
    const pending = (await api('/team/invitations', { token })).body.items.find(
      (item: { email: string }) => item.email === revocable.email,
    );
    await call('DELETE /team/invitations/{inviteId}', `/team/invitations/${pending.inviteId}`, { method: 'DELETE', token });

    await call('GET /team/members', '/team/members', { token });
    await call('PATCH /team/members/{userId}', `/team/members/${bobId}`, { method: 'PATCH', token, json: { role: 'viewer' } });

    const eve = await signedInAdmin();
    const eveTeammate = await adminWithTeammate(eve, 'member');
    await invite(eve, [{ email: bob.email, name: 'Bob', role: 'member' }]);
    const second = await invitationLinkFor(bob.email);
    await completeInvitation(second.token, 'BobSecure456');
    const bobLogin = await api('/auth/login', { method: 'POST', json: { email: bob.email, password: 'BobSecure456' } });
    await call('POST /auth/switch-organization', '/auth/switch-organization', {
      method: 'POST',
      token: bobLogin.body.accessToken,
      json: { organizationId: eve.organizationId },
    });

    await call('DELETE /team/members/{userId}', `/team/members/${eveTeammate.userId}`, { method: 'DELETE', token: eve.accessToken });
    await call('GET /audit-logs', '/audit-logs', { token });
    await call('GET /ai/code-quality/{githubUsername}', `/ai/code-quality/${input.githubUsername}`, { token });
    const orgId = login.body.user.organizationId as string;
    await call('GET /ai/team-performance/{organizationId}', `/ai/team-performance/${orgId}`, { token });
    const report = await call('POST /ai/generate-report/{organizationId}', `/ai/generate-report/${orgId}`, {
      method: 'POST',
      token,
      json: { reportType: 'executive', includeGraphs: true, includeIndividuals: false, confidential: true },
    });
    const reportId = report.body.reportId as string;
    await call('GET /reports', '/reports', { token });
    await call('GET /reports/{reportId}', `/reports/${reportId}`, { token });
    await call('GET /reports/{reportId}/pdf', `/reports/${reportId}/pdf`, { token });
    await call('POST /reports/{reportId}/email', `/reports/${reportId}/email`, { method: 'POST', token, json: { to: [input.email] } });
    await call('GET /me/access-log', '/me/access-log', { token });
    await call('GET /me/data', '/me/data', { token });
    await call('GET /organization/export', '/organization/export', { token });
    await call('DELETE /integrations/github', '/integrations/github', { method: 'DELETE', token });
    await call('DELETE /organization', '/organization', { method: 'DELETE', token, json: { confirm: input.organizationName } });

    const unmeasured = routes.map(routeKey).filter((key) => !measured.has(key));
    expect(unmeasured, 'routes without a measured request').toEqual([]);
    // Budgets are the route's own work; the rate-limit counters come on top (src/http/rate-limits.ts).
    const allowance = (route: RouteDefinition) => route.dynamodbBudget + rateLimitCallsOf(route, measured.get(routeKey(route))?.status ?? 200);
    const overBudget = routes
      .filter((route) => (measured.get(routeKey(route))?.calls ?? 0) > allowance(route))
      .map((route) => `${routeKey(route)}: ${measured.get(routeKey(route))?.calls} > ${allowance(route)}`);
    expect(overBudget).toEqual([]);
  });

  it('lets every route that writes to the table write: the local server checks no IAM, the Lambda on AWS is refused', () => {
    const writes = /PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems/;
    const undeclared = routes
      .filter((route) => writes.test(measured.get(routeKey(route))?.operations ?? ''))
      .filter((route) => !(route.uses as readonly string[]).includes('table:write'))
      .map(routeKey);
    expect(undeclared).toEqual([]);
  });

  it('never scans the table', () => {
    const scans = [...measured].filter(([, { operations }]) => /Scan/.test(operations)).map(([key]) => key);
    expect(scans).toEqual([]);
  });
});
