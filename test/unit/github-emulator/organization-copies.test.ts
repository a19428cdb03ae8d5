import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DATASET_PATH } from '../../../src/local/github-emulator';
import { readDataset } from '../../../src/local/github-emulator/dataset';
import { LiveDataset } from '../../../src/local/github-emulator/live';
import { buildStore } from '../../../src/local/github-emulator/store';
import { accountId, startApp, type StartedApp } from './app-fixture';
import { startFixture, type Started } from './fixture';

/** `POST /_emulator/organizations`: a copy of an organization, for tests that each need an account of their own. */
let started: Started | StartedApp | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

function copy(base: Started, body: unknown): Promise<Response> {
  return fetch(`${base.emulator.url}/_emulator/organizations`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function copied(base: Started, login: string, copyOf = 'acme'): Promise<{ login: string; id: number; repositories: string[] }> {
  const response = await copy(base, { login, copyOf });
  if (response.status !== 201) throw new Error(`the copy answered ${response.status} ${await response.text()}`);
  return (await response.json()) as { login: string; id: number; repositories: string[] };
}

/** A store as text, to compare two of them: maps as entry lists sorted by key (their order means nothing), sets in order (a first member is the owner). */
const plain = (value: unknown) =>
  JSON.stringify(value, (_, entry: unknown) =>
    entry instanceof Map ? [...entry].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)) : entry instanceof Set ? [...entry] : entry);

describe('copying an organization', () => {
  it('It should answer 201 with the login, an id and the copied repositories, without an app', async () => {
    const fixture = (started = await startFixture());

    const body = await copied(fixture, 'acme-copy');

    expect(body).toEqual({ login: 'acme-copy', id: expect.any(Number), repositories: ['acme-copy/app', 'acme-copy/empty', 'acme-copy/site'] });
    expect(fixture.emulator.store.accounts.get('acme-copy')).toMatchObject({ type: 'Organization', name: 'Acme Corp' });
  });

  it('It should give the same login the same id in another emulator', async () => {
    const first = await startFixture();
    const second = await startFixture();

    const ids = [(await copied(first, 'stable-one')).id, (await copied(second, 'stable-one')).id];
    await Promise.all([first.stop(), second.stop()]);

    expect(ids[0]).toBe(ids[1]);
  });

  it('It should serve the source\'s commits under the new owner, with the same shas, authors and times', async () => {
    const fixture = (started = await startFixture());
    await copied(fixture, 'acme-copy');
    const octokit = fixture.octokit('operator');
    const commits = async (owner: string) =>
      (await octokit.paginate(octokit.rest.repos.listCommits, { owner, repo: 'app', per_page: 100 })).map((commit) => [commit.sha, commit.author?.login, commit.commit.author?.date]);

    expect(await commits('acme-copy')).toEqual(await commits('acme'));
  });

  it('It should serve the source\'s pull requests and their reviews under the new owner', async () => {
    const fixture = (started = await startFixture());
    await copied(fixture, 'acme-copy');
    const octokit = fixture.octokit('operator');
    const pulls = async (owner: string) => (await octokit.rest.pulls.list({ owner, repo: 'app', state: 'all' })).data.map((pull) => [pull.number, pull.user?.login, pull.created_at, pull.merged_at]);
    const reviews = async (owner: string) => (await octokit.rest.pulls.listReviews({ owner, repo: 'app', pull_number: 1 })).data.map((review) => [review.user?.login, review.state, review.submitted_at]);

    expect(await pulls('acme-copy')).toEqual(await pulls('acme'));
    expect(await reviews('acme-copy')).toEqual(await reviews('acme'));
  });

  it('It should find the copy\'s issues and pull requests in search as the source\'s', async () => {
    const fixture = (started = await startFixture());
    await copied(fixture, 'acme-copy');
    const search = async (org: string) =>
      (await fixture.octokit('operator').rest.search.issuesAndPullRequests({ q: `org:${org} author:ben`, sort: 'created' })).data.items.map((item) => [item.number, item.title, item.state]);

    expect(await search('acme-copy')).toEqual(await search('acme'));
  });

  it('It should give the copy the source\'s members', async () => {
    const fixture = (started = await startFixture());
    await copied(fixture, 'acme-copy');
    const members = async (org: string) => (await fixture.octokit('operator').rest.orgs.listMembers({ org })).data.map((member) => member.login);

    expect(await members('acme-copy')).toEqual(await members('acme'));
  });

  it('It should serve the store a rebuild of the whole dataset would, after twenty copies of the demo', async () => {
    const dataset = await readDataset(DEMO_DATASET_PATH);
    const live = new LiveDataset(dataset, buildStore(dataset));
    for (let index = 1; index <= 20; index += 1) live.copyOrganization({ login: `demo-${index}`, copyOf: 'techstartup' });

    expect(plain(live.store) === plain(buildStore(dataset, { now: live.store.loadedAt }))).toBe(true);
  });
});

describe('refusals', () => {
  it('It should answer 400 to a body that is not JSON', async () => {
    const fixture = (started = await startFixture());

    expect((await copy(fixture, '{"login":')).status).toBe(400);
  });

  it.each(['', '-acme', 'acme-', 'ac--me', 'ac_me', 'a'.repeat(40)])('It should answer 400 to the login %j, which GitHub refuses', async (login) => {
    const fixture = (started = await startFixture());

    const response = await copy(fixture, { login, copyOf: 'acme' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'Invalid request' });
  });

  it.each(['nobody', 'ann'])('It should answer 404 when copyOf %j is no organization of the dataset', async (copyOf) => {
    const fixture = (started = await startFixture());

    expect((await copy(fixture, { login: 'fresh', copyOf })).status).toBe(404);
  });

  it.each(['ACME', 'Ann'])('It should answer 409 when an account already has the login %j', async (login) => {
    const fixture = (started = await startFixture());

    expect((await copy(fixture, { login, copyOf: 'acme' })).status).toBe(409);
  });
});

describe('copies and the app', () => {
  it('It should include a commit added at run time before the copy', async () => {
    const app = (started = await startApp());
    const sha = ((await (await app.control('POST', '/commits', { repo: 'acme/app', author: 'ann' })).json()) as { sha: string }).sha;
    await copied(app, 'acme-copy');

    const octokit = app.appOctokit(Number((await app.install(accountId(app, 'acme-copy'))).get('installation_id')));
    const { data } = await octokit.rest.repos.listCommits({ owner: 'acme-copy', repo: 'app', per_page: 1 });

    expect(data[0]?.sha).toBe(sha);
  });

  it('It should hide a private repository of the copy from an installation on another account', async () => {
    const app = (started = await startApp());
    await copied(app, 'acme-copy');
    const octokit = app.appOctokit(Number((await app.install(accountId(app, 'globex'))).get('installation_id')));

    await expect(octokit.rest.repos.get({ owner: 'acme-copy', repo: 'app' })).rejects.toMatchObject({ status: 404 });
  });

  it('It should show a private repository of the copy to an installation on the copy', async () => {
    const app = (started = await startApp());
    await copied(app, 'acme-copy');
    const octokit = app.appOctokit(Number((await app.install(accountId(app, 'acme-copy'))).get('installation_id')));

    expect((await octokit.rest.repos.get({ owner: 'acme-copy', repo: 'app' })).data).toMatchObject({ full_name: 'acme-copy/app', private: true });
  });

  it('It should install the app on the copy through the install page as a new installation', async () => {
    const app = (started = await startApp());
    const source = await app.install(accountId(app, 'acme'));
    const { id } = await copied(app, 'acme-copy');

    const query = await app.install(id);

    expect(query.get('setup_action')).toBe('install');
    expect(query.get('installation_id')).not.toBe(source.get('installation_id'));
    expect((await app.appOctokit().rest.apps.getOrgInstallation({ org: 'acme-copy' })).data.account).toMatchObject({ login: 'acme-copy', id });
  });
});
