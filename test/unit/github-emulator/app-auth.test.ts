import { createSign } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, APP_ID, APP_SLUG, keyPair, startApp, type StartedApp } from './app-fixture';

/** GitHub's app side: app JWTs, installations and their tokens, through @octokit/auth-app as the product will use it. */
let started: StartedApp;

beforeEach(async () => {
  started = await startApp();
});

afterEach(async () => {
  vi.useRealTimers();
  await started.stop();
});

/** A JWT made by hand, for the claims @octokit/auth-app would never send. */
function jwt(claims: Record<string, unknown>, privateKey = started.privateKey): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

const nowS = () => Math.floor(Date.now() / 1000);

async function getApp(token: string): Promise<Response> {
  return fetch(`${started.emulator.url}/app`, { headers: { authorization: `Bearer ${token}` } });
}

async function installed(login: string): Promise<number> {
  return Number((await started.install(accountId(started, login))).get('installation_id'));
}

describe('app JWTs', () => {
  it('It should accept the JWT that createAppAuth makes and answer GET /app as the app', async () => {
    const { data } = await started.appOctokit().rest.apps.getAuthenticated();

    expect(data).toMatchObject({ id: APP_ID, slug: APP_SLUG, installations_count: 0, permissions: expect.objectContaining({ contents: 'read', members: 'read' }) });
  });

  it('It should refuse an expired JWT with 401 and GitHub\'s message', async () => {
    const response = await getApp(jwt({ iss: APP_ID, iat: nowS() - 700, exp: nowS() - 100 }));

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires" });
  });

  it('It should refuse a JWT whose exp is more than 10 minutes after its iat', async () => {
    const response = await getApp(jwt({ iss: APP_ID, iat: nowS(), exp: nowS() + 601 }));

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "'Expiration time' claim ('exp') is too far in the future" });
  });

  it('It should refuse a JWT signed with another key as undecodable', async () => {
    const response = await getApp(jwt({ iss: APP_ID, iat: nowS() - 30, exp: nowS() + 500 }, keyPair().privateKey));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'A JSON web token could not be decoded', documentation_url: expect.any(String), status: '401' });
  });

  it('It should refuse the JWT of createAppAuth with another app\'s key', async () => {
    await expect(started.appOctokit(undefined, keyPair().privateKey).rest.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });

  it('It should accept a JWT issued up to a minute ahead of its clock (drift)', async () => {
    expect((await getApp(jwt({ iss: APP_ID, iat: nowS() + 50, exp: nowS() + 590 }))).status).toBe(200);
  });

  it('It should refuse a JWT of another app id', async () => {
    const response = await getApp(jwt({ iss: APP_ID + 1, iat: nowS() - 30, exp: nowS() + 500 }));

    expect(response.status).toBe(401);
  });
});

describe('installations', () => {
  it('It should answer GET /orgs/{org}/installation with GitHub\'s installation fields', async () => {
    const id = await installed('acme');

    const { data } = await started.appOctokit().rest.apps.getOrgInstallation({ org: 'acme' });

    expect(data).toMatchObject({
      id, app_id: APP_ID, app_slug: APP_SLUG, target_type: 'Organization', target_id: accountId(started, 'acme'),
      account: expect.objectContaining({ login: 'acme', id: accountId(started, 'acme'), type: 'Organization' }),
      repository_selection: 'all', permissions: expect.objectContaining({ pull_requests: 'read' }), events: expect.arrayContaining(['push']),
      suspended_at: null,
    });
  });

  it('It should answer 404 for an organization the app is not installed on', async () => {
    await expect(started.appOctokit().rest.apps.getOrgInstallation({ org: 'globex' })).rejects.toMatchObject({ status: 404 });
  });

  it('It should list the installations on GET /app/installations and get one by id', async () => {
    const acme = await installed('acme');
    const globex = await installed('globex');
    const octokit = started.appOctokit();

    expect((await octokit.rest.apps.listInstallations()).data.map((entry) => entry.id)).toEqual([acme, globex]);
    expect((await octokit.rest.apps.getInstallation({ installation_id: globex })).data.account).toMatchObject({ login: 'globex' });
  });

  it('It should issue an installation token that expires in one hour, with permissions and repository selection', async () => {
    const id = await installed('acme');

    const { data } = await started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id });

    expect(data.token).toMatch(/^ghs_/);
    expect(Date.parse(data.expires_at) - Date.now()).toBeGreaterThan(3590_000);
    expect(Date.parse(data.expires_at) - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(data).toMatchObject({ permissions: expect.objectContaining({ contents: 'read' }), repository_selection: 'all' });
  });

  it('It should narrow a token to the repositories asked for', async () => {
    const id = await installed('acme');
    const octokit = started.appOctokit();

    const { data } = await octokit.rest.apps.createInstallationAccessToken({ installation_id: id, repositories: ['site'] });
    const listed = await fetch(`${started.emulator.url}/installation/repositories`, { headers: { authorization: `token ${data.token}` } });

    expect(data.repository_selection).toBe('selected');
    expect(data.repositories?.map((repo) => repo.full_name)).toEqual(['acme/site']);
    expect(((await listed.json()) as { repositories: { full_name: string }[] }).repositories.map((repo) => repo.full_name)).toEqual(['acme/site']);
  });

  it('It should refuse a token for a repository the installation does not cover with 422', async () => {
    const id = await installed('acme');

    await expect(started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id, repositories: ['vault'] })).rejects.toMatchObject({ status: 422 });
  });

  it('It should let an installation read its organization\'s private repository through createAppAuth', async () => {
    const octokit = started.appOctokit(await installed('acme'));

    const { data } = await octokit.rest.repos.listCommits({ owner: 'acme', repo: 'app', per_page: 5 });

    expect(data).toHaveLength(5);
  });

  it('It should answer 404 exactly as GitHub to an installation reading another owner\'s private repository', async () => {
    await installed('globex');
    const octokit = started.appOctokit(await installed('acme'));

    const refused = await octokit.rest.repos.listCommits({ owner: 'globex', repo: 'vault' }).catch((error: { status: number; response: { data: unknown } }) => error);

    expect(refused).toMatchObject({ status: 404, response: { data: { message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com'), status: '404' } } });
  });

  it('It should leave another owner\'s private repositories out of lists and search for an installation', async () => {
    const octokit = started.appOctokit(await installed('acme'));

    expect((await octokit.rest.repos.listForOrg({ org: 'globex' })).data).toEqual([]);
    expect((await octokit.rest.search.issuesAndPullRequests({ q: 'repo:globex/vault' })).data.total_count).toBe(0);
  });

  it('It should let an installation read public repositories of others', async () => {
    const octokit = started.appOctokit(await installed('globex'));

    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'site' })).data.private).toBe(false);
  });

  it('It should list only the installation\'s repositories on GET /installation/repositories, a page at a time', async () => {
    const octokit = started.appOctokit(await installed('acme'));

    const first = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: 2 });
    const all = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 2 });

    expect(first.data.total_count).toBe(3);
    expect(first.headers.link).toContain('rel="next"');
    expect(all.map((repo) => repo.full_name).sort()).toEqual(['acme/app', 'acme/empty', 'acme/site']);
  });

  it('It should answer 401 Bad credentials to an installation token an hour after it was issued', async () => {
    const octokit = started.appOctokit(await installed('acme'));
    const { token } = (await octokit.auth({ type: 'installation' })) as { token: string };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3600_000);

    const response = await fetch(`${started.emulator.url}/repos/acme/app`, { headers: { authorization: `token ${token}` } });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('It should list the members the dataset gives to the organization\'s installation', async () => {
    const octokit = started.appOctokit(await installed('globex'));

    expect((await octokit.rest.orgs.listMembers({ org: 'globex' })).data.map((member) => member.login)).toEqual(['gus']);
  });

  it('It should refuse a token GitHub never issued with 401 Bad credentials, as GitHub does', async () => {
    await installed('acme');

    await expect(started.octokit('ghp_never-issued').rest.repos.get({ owner: 'globex', repo: 'vault' })).rejects.toMatchObject({
      status: 401,
      response: { data: { message: 'Bad credentials' } },
    });
  });

  it('It should serve a caller without a token public repositories only', async () => {
    const anonymous = new Octokit({ baseUrl: started.emulator.url, log: { debug() {}, info() {}, warn() {}, error() {} } });

    await expect(anonymous.rest.repos.get({ owner: 'globex', repo: 'vault' })).rejects.toMatchObject({ status: 404 });
    expect((await anonymous.rest.repos.listForOrg({ org: 'globex', type: 'all' })).data.every((repo) => !repo.private)).toBe(true);
  });
});
