import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { api, stack } from '../support/stack';
import { adminWithTeammate } from '../support/team';
import { callback, connect as connectAccount, emulator, install as installOn, startConnect } from '../support/github-connection';

const install = (installUrl: URL, login = 'techstartup') => installOn(installUrl, login);
const connect = (admin: SignedInAdmin, login = 'techstartup') => connectAccount(admin, login);

const connection = (admin: { accessToken: string }) => api('/integrations/github', { token: admin.accessToken });
const disconnect = (admin: { accessToken: string }) => api('/integrations/github', { method: 'DELETE', token: admin.accessToken });

function withState(location: URL, state: string): URL {
  const changed = new URL(location);
  changed.searchParams.set('state', state);
  return changed;
}

function table() {
  const { dynamodbEndpoint, region } = stack();
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamodbEndpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
}

/** Moves every pending connect state of the organization into the past, as if its ten minutes had run out. */
async function expireConnectStates(organizationId: string): Promise<void> {
  const { Items = [] } = await table().send(
    new QueryCommand({
      TableName: stack().tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `ORG#${organizationId}`, ':sk': 'GHSTATE#' },
      ConsistentRead: true,
    }),
  );
  for (const item of Items) {
    await table().send(
      new UpdateCommand({
        TableName: stack().tableName,
        Key: { PK: item['PK'], SK: item['SK'] },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Date.now() - 1000 },
      }),
    );
  }
}

describe('GitHub connection', () => {
  it('connects the demo organization through the install page and shows its account and budget', async () => {
    const admin = await signedInAdmin();
    try {
      const installUrl = await startConnect(admin);
      expect(installUrl.pathname).toMatch(/^\/apps\/[^/]+\/installations\/new$/);
      expect(installUrl.searchParams.get('state')).toBeTruthy();

      const location = await install(installUrl);
      expect(location.pathname).toBe('/integrations/github/callback');
      const answered = await callback(location);
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ success: true, connected: true, account: { login: 'techstartup', type: 'Organization' } });

      const shown = await connection(admin);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        connected: true,
        account: { login: 'techstartup', type: 'Organization' },
        installationId: Number(location.searchParams.get('installation_id')),
        repositorySelection: 'all',
        lastSync: null,
      });
      expect(shown.body.rateLimit).toMatchObject({ limit: expect.any(Number), remaining: expect.any(Number), resetAt: expect.any(String) });
      const organization = await api('/organization', { token: admin.accessToken });
      expect(JSON.stringify(organization.body)).toContain('"githubOrganization":"techstartup"');
    } finally {
      await disconnect(admin);
    }
  });

  it('redirects the browser to the settings page after connecting', async () => {
    const admin = await signedInAdmin();
    try {
      const location = await install(await startConnect(admin));
      const response = await fetch(new URL(`${location.pathname}${location.search}`, stack().apiUrl), { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(/\/settings\/github$/);
    } finally {
      await disconnect(admin);
    }
  });

  it('disconnects with 204, after which the organization is not connected', async () => {
    const admin = await signedInAdmin();
    expect((await connect(admin)).status).toBe(200);
    expect((await disconnect(admin)).status).toBe(204);
    expect((await connection(admin)).body).toEqual({ connected: false });
  });

  it('refuses a forged state with 400 and binds nothing', async () => {
    const admin = await signedInAdmin();
    const location = await install(await startConnect(admin));
    const state = location.searchParams.get('state') ?? '';
    const forged = `${state.slice(0, -2)}${state.endsWith('AA') ? 'BB' : 'AA'}`;
    const response = await callback(withState(location, forged));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect((await connection(admin)).body).toEqual({ connected: false });
  });

  it('refuses an expired state with 400 and binds nothing', async () => {
    const admin = await signedInAdmin();
    const location = await install(await startConnect(admin));
    await expireConnectStates(admin.organizationId);
    expect((await callback(location)).status).toBe(400);
    expect((await connection(admin)).body).toEqual({ connected: false });
  });

  it('refuses a state used once already with 400', async () => {
    const admin = await signedInAdmin();
    const location = await install(await startConnect(admin));
    const withBadCode = new URL(location);
    withBadCode.searchParams.set('code', 'not-a-code');
    expect((await callback(withBadCode)).status).toBe(400);
    expect((await callback(location)).status).toBe(400);
    expect((await connection(admin)).body).toEqual({ connected: false });
  });

  it("refuses a state rewritten to name another organization with 400 and binds neither", async () => {
    const admin = await signedInAdmin();
    const other = await signedInAdmin();
    const location = await install(await startConnect(admin));
    const [payload = '', signature = ''] = (location.searchParams.get('state') ?? '').split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const rewritten = Buffer.from(JSON.stringify({ ...claims, o: other.organizationId })).toString('base64url');
    expect((await callback(withState(location, `${rewritten}.${signature}`))).status).toBe(400);
    expect((await connection(admin)).body).toEqual({ connected: false });
    expect((await connection(other)).body).toEqual({ connected: false });
  });

  it('refuses the code of a GitHub user who cannot access the installation with 400', async () => {
    const admin = await signedInAdmin();
    const location = await install(await startConnect(admin));
    const issued = await emulator<{ code: string }>('/_emulator/oauth/codes', { method: 'POST', json: { login: 'eve-competitor' } });
    expect(issued.status).toBe(201);
    const withStrangersCode = new URL(location);
    withStrangersCode.searchParams.set('code', issued.body.code);
    const response = await callback(withStrangersCode);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect((await connection(admin)).body).toEqual({ connected: false });
  });

  it('refuses with 409 an installation another organization holds', async () => {
    const holder = await signedInAdmin();
    const second = await signedInAdmin();
    try {
      expect((await connect(holder)).status).toBe(200);
      const response = await connect(second);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ success: false, code: 'CONFLICT' });
      expect((await connection(second)).body).toEqual({ connected: false });
      expect((await connection(holder)).body).toMatchObject({ connected: true });
    } finally {
      await disconnect(holder);
    }
  });

  it.each([
    ['uninstalled', (id: number) => emulator(`/_emulator/installations/${id}`, { method: 'DELETE' })],
    ['suspended', (id: number) => emulator(`/_emulator/installations/${id}/suspend`, { method: 'POST' })],
  ])('disconnects the organization whose installation GitHub reports %s', async (ending, endInstallation) => {
    const admin = await signedInAdmin();
    // Personal accounts of the demo dataset that no other test installs on, since their installation ends here.
    const login = ending === 'uninstalled' ? 'dan-dev' : 'erin-dev';
    const connected = await connect(admin, login);
    expect(connected.status).toBe(200);
    const { installationId } = (await connection(admin)).body;
    expect((await endInstallation(installationId)).status).toBeLessThan(300);
    let shown = await connection(admin);
    for (let attempt = 0; attempt < 100 && shown.body.connected; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      shown = await connection(admin);
    }
    expect(shown.body).toEqual({ connected: false });
  });

  it.each(['member', 'viewer'] as const)('refuses a %s with 403 on every connection route', async (role) => {
    const admin = await signedInAdmin();
    const teammate = await adminWithTeammate(admin, role);
    expect((await api('/integrations/github/connect', { method: 'POST', token: teammate.accessToken })).status).toBe(403);
    expect((await connection(teammate)).status).toBe(403);
    expect((await disconnect(teammate)).status).toBe(403);
  });

  it('refuses with 409 a settings change to another GitHub organization than the connected account', async () => {
    const admin = await signedInAdmin();
    try {
      expect((await connect(admin)).status).toBe(200);
      const other = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { githubOrganization: 'competitorcorp' } });
      expect(other.status).toBe(409);
      expect(other.body).toMatchObject({ success: false, code: 'CONFLICT' });
      const same = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { githubOrganization: 'techstartup' } });
      expect(same.status).toBe(200);
    } finally {
      await disconnect(admin);
    }
  });

  it('refuses with 409 a settings change naming a GitHub organization before any is connected', async () => {
    const admin = await signedInAdmin();
    const response = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { githubOrganization: 'techstartup' } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ success: false, code: 'CONFLICT', error: expect.stringMatching(/^Connect GitHub to techstartup first/) });
    const organization = await api('/organization', { token: admin.accessToken });
    expect(organization.body.settings?.githubOrganization).toBeUndefined();
  });

  it('answers 409 GITHUB_NOT_CONNECTED on every analytics route of an organization that is not connected', async () => {
    const admin = await signedInAdmin({ githubUsername: 'sarah-em' });
    const answers = await Promise.all([
      api('/ai/code-quality/sarah-em', { token: admin.accessToken }),
      api(`/ai/team-performance/${admin.organizationId}`, { token: admin.accessToken }),
      api(`/ai/generate-report/${admin.organizationId}`, {
        method: 'POST',
        token: admin.accessToken,
        json: { reportType: 'executive', includeGraphs: false, includeIndividuals: false, confidential: true },
      }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({ success: false, error: 'Connect GitHub first', code: 'GITHUB_NOT_CONNECTED' });
    }
  });
});

describe('GET /sync', () => {
  it('shows an organization that never synced as idle with nothing done, to admins only', async () => {
    const admin = await signedInAdmin();
    const member = await adminWithTeammate(admin, 'member');

    const shown = await api('/sync', { token: admin.accessToken });

    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      status: 'idle', startedAt: null, finishedAt: null, repositories: { done: 0, total: 0 }, requests: { made: 0, notModified: 0 }, rateLimit: null, lastError: null,
    });
    expect((await api('/sync', { token: member.accessToken })).status).toBe(403);
  });
});
