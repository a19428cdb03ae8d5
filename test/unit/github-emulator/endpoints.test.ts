import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Started } from './fixture';

let fixture: Started;

beforeAll(async () => {
  fixture = await startFixture();
});

afterAll(async () => {
  await fixture.stop();
});

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    // Octokit's RequestError carries the status.
    if (typeof error === 'object' && error !== null && 'status' in error) return Number(error.status);
    throw error;
  }
}

describe('the GitHub emulator, users and organizations', () => {
  it('answers GET /users/{login} with the user', async () => {
    const { data } = await fixture.octokit('t').rest.users.getByUsername({ username: 'ann' });

    expect(data).toMatchObject({ login: 'ann', type: 'User', name: 'Ann Example', email: 'ann@acme.test', html_url: 'https://github.com/ann' });
    expect(data.id).toEqual(expect.any(Number));
    expect(Buffer.from(data.node_id, 'base64').toString()).toBe(`04:User${data.id}`);
  });

  it('types a [bot] login as a Bot, even one the dataset never declared', async () => {
    const { data } = await fixture.octokit('t').rest.users.getByUsername({ username: 'renovate[bot]' });

    expect(data).toMatchObject({ login: 'renovate[bot]', type: 'Bot', html_url: 'https://github.com/apps/renovate' });
  });

  it('answers an unknown user with 404 and GitHub\'s error body', async () => {
    const response = await fetch(`${fixture.emulator.url}/users/nobody-here`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/users/users#get-a-user', status: '404' });
  });

  it('answers GET /orgs/{org}, and 404 for a user login or an unknown one', async () => {
    const octokit = fixture.octokit('t');

    const { data } = await octokit.rest.orgs.get({ org: 'acme' });

    expect(data).toMatchObject({ login: 'acme', name: 'Acme Corp', type: 'Organization', total_private_repos: 1 });
    expect(await statusOf(octokit.rest.orgs.get({ org: 'ann' }))).toBe(404);
    expect(await statusOf(octokit.rest.orgs.get({ org: 'globex' }))).toBe(404);
  });

  it('lists an organization\'s repositories, owned by an Organization, newest first, filtered by type', async () => {
    const octokit = fixture.octokit('t');

    const { data: all } = await octokit.rest.repos.listForOrg({ org: 'acme', type: 'all', per_page: 100 });
    const { data: publicOnly } = await octokit.rest.repos.listForOrg({ org: 'acme', type: 'public' });

    expect(all.map((repo) => repo.full_name).sort()).toEqual(['acme/app', 'acme/empty', 'acme/site']);
    expect(all.find((repo) => repo.name === 'app')).toMatchObject({
      private: true, fork: false, archived: false, default_branch: 'main', language: 'TypeScript', created_at: '2024-11-01T00:00:00Z',
      owner: { login: 'acme', type: 'Organization' },
    });
    expect(all[0]?.pushed_at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/));
    expect(publicOnly.map((repo) => repo.full_name).sort()).toEqual(['acme/empty', 'acme/site']);
    expect(await statusOf(octokit.rest.repos.listForOrg({ org: 'nope' }))).toBe(404);
  });

  it('lists the repositories a user owns with type=owner', async () => {
    const { data } = await fixture.octokit('t').rest.repos.listForUser({ username: 'ann', type: 'owner' });

    expect(data.map((repo) => repo.full_name)).toEqual(['ann/notes']);
    expect(data[0]?.owner).toMatchObject({ login: 'ann', type: 'User' });
  });

  it('answers GET /repos/{owner}/{repo}, and 404 for an unknown repository', async () => {
    const octokit = fixture.octokit('t');

    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'app' });

    expect(data).toMatchObject({ full_name: 'acme/app', organization: { login: 'acme' } });
    expect(await statusOf(octokit.rest.repos.get({ owner: 'acme', repo: 'nope' }))).toBe(404);
  });
});

describe('the GitHub emulator, commits', () => {
  it('lists commits newest first in GitHub\'s list shape', async () => {
    const { data } = await fixture.octokit('t').rest.repos.listCommits({ owner: 'acme', repo: 'app', per_page: 3 });

    expect(data.map((commit) => commit.commit.message)).toEqual(['old import', 'Merge pull request #1 from acme/ann/step', 'chore(deps): update zod']);
    expect(data[0]).toMatchObject({ author: null, commit: { author: { email: 'ghost@nowhere.test', date: '2025-03-12T09:00:00Z' } } });
    expect(data[1]?.parents).toHaveLength(2);
    expect(data[2]?.author).toMatchObject({ login: 'renovate[bot]', type: 'Bot' });
  });

  it('filters by author login, since and until (inclusive, on the author date)', async () => {
    const { data } = await fixture.octokit('t').rest.repos.listCommits({
      owner: 'acme', repo: 'app', author: 'ann', since: '2024-12-03T10:00:00Z', until: '2024-12-05T10:00:00Z',
    });

    expect(data.map((commit) => commit.commit.author?.date)).toEqual(['2024-12-05T10:00:00Z', '2024-12-04T10:00:00Z', '2024-12-03T10:00:00Z']);
    expect(data.every((commit) => commit.author?.login === 'ann')).toBe(true);
  });

  it('matches the author filter case-insensitively, and by email', async () => {
    const octokit = fixture.octokit('t');

    const byLogin = await octokit.rest.repos.listCommits({ owner: 'acme', repo: 'app', author: 'BEN' });
    const byEmail = await octokit.rest.repos.listCommits({ owner: 'acme', repo: 'app', author: 'ben@acme.test' });

    expect(byLogin.data).toHaveLength(5);
    expect(byEmail.data.map((commit) => commit.sha)).toEqual(byLogin.data.map((commit) => commit.sha));
  });

  it('filters by path', async () => {
    const { data } = await fixture.octokit('t').rest.repos.listCommits({ owner: 'acme', repo: 'app', path: 'docs', per_page: 100 });

    expect(data).toHaveLength(37);
  });

  it('answers an empty repository with 409, as GitHub does', async () => {
    const response = await fetch(`${fixture.emulator.url}/repos/acme/empty/commits`);

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ message: 'Git Repository is empty.' });
  });

  it('refuses an unreadable since with 422', async () => {
    const response = await fetch(`${fixture.emulator.url}/repos/acme/app/commits?since=yesterday`);

    expect(response.status).toBe(422);
  });
});

describe('the GitHub emulator, pull requests and reviews', () => {
  it('lists pull requests by state, without the detail-only fields', async () => {
    const octokit = fixture.octokit('t');

    const { data: all } = await octokit.rest.pulls.list({ owner: 'acme', repo: 'app', state: 'all', sort: 'created', direction: 'desc' });
    const { data: open } = await octokit.rest.pulls.list({ owner: 'acme', repo: 'app' });
    const { data: closed } = await octokit.rest.pulls.list({ owner: 'acme', repo: 'app', state: 'closed', direction: 'asc' });

    expect(all.map((pull) => pull.number)).toEqual([2, 1, 3]);
    expect(all[1]).toMatchObject({ state: 'closed', merged_at: '2025-03-11T09:00:00Z', closed_at: '2025-03-11T09:00:00Z', user: { login: 'ann' }, draft: false });
    expect(all[1]).not.toHaveProperty('additions');
    expect(all[1]).not.toHaveProperty('merged');
    expect(open.map((pull) => pull.number)).toEqual([2]);
    expect(closed.map((pull) => pull.number)).toEqual([3, 1]);
  });

  it('answers one pull request with merged, additions, deletions and changed_files', async () => {
    const octokit = fixture.octokit('t');

    const { data: merged } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 1 });
    const { data: closed } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 3 });

    expect(merged).toMatchObject({ merged: true, additions: 120, deletions: 30, changed_files: 4, commits: 1, merged_by: { login: 'ann' } });
    expect(closed).toMatchObject({ merged: false, merged_at: null, state: 'closed', user: { type: 'Bot' } });
    expect(await statusOf(octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 99 }))).toBe(404);
    expect(await statusOf(octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 4 }))).toBe(404);
  });

  it('lists a pull request\'s reviews oldest first', async () => {
    const { data } = await fixture.octokit('t').rest.pulls.listReviews({ owner: 'acme', repo: 'app', pull_number: 1 });

    expect(data.map((review) => [review.user?.login, review.state, review.submitted_at])).toEqual([
      ['ben', 'COMMENTED', '2025-03-10T12:00:00Z'],
      ['ben', 'APPROVED', '2025-03-11T08:00:00Z'],
    ]);
    expect(data[0]).toMatchObject({ body: '', author_association: 'MEMBER' });
  });
});

describe('the GitHub emulator, issues', () => {
  it('lists pull requests among the issues, marked with a pull_request key', async () => {
    const { data } = await fixture.octokit('t').rest.issues.listForRepo({ owner: 'acme', repo: 'app', state: 'all' });

    expect(data.map((item) => item.number)).toEqual([4, 2, 1, 3, 5]);
    expect(data.filter((item) => item.pull_request).map((item) => item.number)).toEqual([2, 1, 3]);
    expect(data.find((item) => item.number === 1)?.pull_request).toMatchObject({ merged_at: '2025-03-11T09:00:00Z' });
    expect(data.find((item) => item.number === 4)).not.toHaveProperty('pull_request');
  });

  it('filters issues by creator, state and since (on updated_at)', async () => {
    const octokit = fixture.octokit('t');

    const { data: bens } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', creator: 'ben', state: 'all' });
    const { data: openOnly } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' });
    const { data: recent } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', state: 'all', since: '2025-03-14T00:00:00Z' });

    expect(bens.map((item) => item.number)).toEqual([2, 5]);
    expect(openOnly.map((item) => item.number)).toEqual([4, 2]);
    expect(recent.map((item) => item.number)).toEqual([4, 5]);
  });
});

describe('the GitHub emulator, search', () => {
  const search = (q: string, extra: Record<string, string | number> = {}) =>
    fixture.octokit('t').request('GET /search/issues', { q, ...extra });

  it('finds pull requests by author, organization and creation date, as issues with a pull_request key', async () => {
    const { data, headers } = await search('type:pr author:ann org:acme created:>=2025-03-01');

    expect(data.total_count).toBe(1);
    expect(data.incomplete_results).toBe(false);
    expect(data.items[0]).toMatchObject({
      number: 1, repository_url: `${fixture.emulator.url}/repos/acme/app`, user: { login: 'ann' }, pull_request: { merged_at: '2025-03-11T09:00:00Z' }, score: 1,
    });
    expect(headers['x-ratelimit-resource']).toBe('search');
    expect(headers['x-ratelimit-limit']).toBe('30');
  });

  it('finds pull requests someone reviewed but did not write', async () => {
    const { data } = await search('type:pr reviewed-by:ben -author:ben org:acme updated:>=2025-01-01');

    expect(data.items.map((item) => item.number)).toEqual([1]);
  });

  it('finds issues, not pull requests, with type:issue', async () => {
    const { data } = await search('type:issue user:acme');

    expect(data.items.map((item) => item.number)).toEqual([4, 5]);
    expect(data.items.every((item) => item.pull_request === undefined)).toBe(true);
  });

  it('understands date ranges, states, repo: and free text', async () => {
    expect((await search('repo:acme/app created:2025-03-10..2025-03-12 is:closed')).data.items.map((item) => item.number)).toEqual([1, 3]);
    expect((await search('repo:acme/app is:merged')).data.items.map((item) => item.number)).toEqual([1]);
    expect((await search('crash')).data.items.map((item) => item.number)).toEqual([4]);
    expect((await search('org:acme created:<2025-03-10')).data.items.map((item) => item.number)).toEqual([5]);
  });

  it('pages the results with links', async () => {
    const { data, headers } = await search('org:acme', { per_page: 2 });

    expect(data.total_count).toBe(5);
    expect(data.items).toHaveLength(2);
    expect(headers.link).toContain('rel="last"');
  });

  it('refuses a search without q, or past the first 1,000 results, with 422', async () => {
    expect((await fetch(`${fixture.emulator.url}/search/issues`)).status).toBe(422);
    expect((await fetch(`${fixture.emulator.url}/search/issues?q=org:acme&per_page=100&page=11`)).status).toBe(422);
    expect((await fetch(`${fixture.emulator.url}/search/issues?q=created:%3Esoon`)).status).toBe(422);
  });
});

describe('the GitHub emulator, everything else', () => {
  it('answers an unknown route with 404 JSON', async () => {
    const response = await fetch(`${fixture.emulator.url}/repos/acme/app/branches`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Not Found' });
  });

  it('answers under /api/v3 too, like GitHub Enterprise Server, keeping the prefix in its URLs', async () => {
    const octokit = new Octokit({ baseUrl: `${fixture.emulator.url}/api/v3`, auth: 't' });

    const commits = await octokit.paginate(octokit.rest.repos.listCommits, { owner: 'acme', repo: 'app', author: 'ben', per_page: 2 });
    const { data: user } = await octokit.rest.users.getByUsername({ username: 'ann' });

    expect(commits).toHaveLength(5);
    expect(user.url).toBe(`${fixture.emulator.url}/api/v3/users/ann`);
  });

  it('has no control routes unless started with controls', async () => {
    const plain = await startFixture(undefined, { controls: false });
    try {
      const response = await fetch(`${plain.emulator.url}/_emulator/stats`);

      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
