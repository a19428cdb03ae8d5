import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallStats } from '../../../src/integrations/github/conditional-client';
import type { GithubClient } from '../../../src/integrations/github/installation-client';
import { collectRepository, EMPTY_CURSOR, type RepositoryRead } from '../../../src/integrations/github/repository-collector';
import type { GithubEmulator } from '../../../src/local/github-emulator';
import { startEmulatedInstallation } from '../../support/emulated-installation';

/**
 * The organization sync's read of one repository, through an installation
 * token against the GitHub emulator serving the demo dataset (the real
 * Octokit path, no mocks).
 */
let emulator: GithubEmulator;
let github: GithubClient;
const REPO = 'techstartup/api';
const WINDOW_START = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);

const emptyStats = (): CallStats => ({ requests: 0, notModified: 0 });
const pushedAt = () => new Date(emulator.store.repositories.get(REPO)!.pushedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function read(cursor = EMPTY_CURSOR, stats = emptyStats()): Promise<RepositoryRead> {
  return collectRepository(github, { repo: REPO, pushedAt: pushedAt(), since: WINDOW_START, cursor, stats });
}

beforeAll(async () => {
  ({ emulator, github } = await startEmulatedInstallation({ USER_POOL_ID: 'local_pool', USER_POOL_CLIENT_ID: 'local-client' }));
});

afterAll(async () => {
  await emulator?.close();
});

describe('reading one repository for the organization sync', () => {
  it("It should read every author's commits of the window and every pull request with its size and reviews", async () => {
    const windowStart = Date.parse(`${WINDOW_START}T00:00:00Z`);
    const store = emulator.store;
    const commitsInWindow = (store.commitsByRepo.get(REPO) ?? []).filter((commit) => commit.committedAt >= windowStart);

    const { activity, reread } = await read();

    expect(activity.commits).toHaveLength(commitsInWindow.length);
    expect(new Set(activity.commits.map((commit) => commit.authorLogin)).size).toBeGreaterThan(2);
    expect(activity.pullRequests.length).toBeGreaterThan(0);
    expect(reread.size).toBe(activity.pullRequests.length);
    const sample = activity.pullRequests.find((pull) => pull.reviews.length > 0);
    expect(sample).toMatchObject({ additions: expect.any(Number), changedFiles: expect.any(Number) });
  });

  it('It should cost an unchanged repository one free 304 on the next sync, and read nothing again', async () => {
    const first = await read();
    const stats = emptyStats();

    const again = await read(first.cursor, stats);

    expect(stats).toEqual({ requests: 1, notModified: 1 });
    expect(again.activity).toMatchObject({ commits: [], pullRequests: [], issues: [] });
  });

  it('It should list the commits again once GitHub says the repository was pushed to, and find the new one', async () => {
    const first = await read();
    const added = await fetch(`${emulator.url}/_emulator/commits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: REPO, author: 'bob-senior', message: 'feat: arrives after the first sync' }),
    });
    const { sha } = (await added.json()) as { sha: string };

    const again = await read(first.cursor);

    expect(again.activity.commits.map((commit) => commit.sha)).toContain(sha);
  });

  it('It should learn pushed_at from the repository (then with its ETag: a free 304) when a webhook or a refresh does not say, and list no commits when nothing was pushed', async () => {
    const first = await read();
    const learned = await collectRepository(github, { repo: REPO, pushedAt: null, since: WINDOW_START, cursor: first.cursor, stats: emptyStats() });
    const stats = emptyStats();
    emulator.stats.reset();

    const again = await collectRepository(github, { repo: REPO, pushedAt: null, since: WINDOW_START, cursor: learned.cursor, stats });

    const routes = emulator.stats.snapshot().requests.map((request) => `${request.status} ${request.route}`);
    expect(routes.sort()).toEqual(['304 GET /repos/{owner}/{repo}', '304 GET /repos/{owner}/{repo}/issues']);
    expect(learned.activity.commits).toEqual([]);
    expect(again.activity.commits).toEqual([]);
    expect(again.cursor.pushedAt).toBe(first.cursor.pushedAt);
  });

  it('It should list only the commits since shortly before the last listing after a push, and the whole window again once a week', async () => {
    const now = new Date();
    const first = await collectRepository(github, { repo: REPO, pushedAt: pushedAt(), since: WINDOW_START, cursor: EMPTY_CURSOR, stats: emptyStats(), now });
    await fetch(`${emulator.url}/_emulator/commits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: REPO, author: 'bob-senior', message: 'feat: a push after the listing' }),
    });
    const commitListings = () => emulator.stats.snapshot().requests.filter((request) => request.route === 'GET /repos/{owner}/{repo}/commits').map((request) => new URL(request.url, 'http://x').searchParams.get('since'));

    emulator.stats.reset();
    // The push may land in the second of the first listing: the cursor's pushed_at is forgotten so the push counts as seen.
    const soon = await collectRepository(github, { repo: REPO, pushedAt: pushedAt(), since: WINDOW_START, cursor: { ...first.cursor, pushedAt: null }, stats: emptyStats(), now: new Date(now.getTime() + 3_600_000) });
    const soonFrom = commitListings();
    emulator.stats.reset();
    const weekLater = new Date(now.getTime() + 7 * 86_400_000);
    await collectRepository(github, { repo: REPO, pushedAt: `${pushedAt().slice(0, -1)}Z`, since: WINDOW_START, cursor: { ...soon.cursor, pushedAt: null }, stats: emptyStats(), now: weekLater });
    const weekLaterFrom = commitListings();

    // Three days before the first listing, so a page or two; the new commit among them.
    expect(soonFrom[0]).toBe(new Date(now.getTime() - 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect(soon.activity.commits.some((commit) => commit.message === 'feat: a push after the listing')).toBe(true);
    expect(soon.activity.commits.length).toBeLessThan(first.activity.commits.length);
    expect(weekLaterFrom[0]).toBe(`${WINDOW_START}T00:00:00Z`);
  });
});
