import { describe, expect, it } from 'vitest';
import { GithubDatasetError, startGithubEmulator } from '../../../src/local/github-emulator';
import { parseDataset } from '../../../src/local/github-emulator/dataset';
import { buildStore } from '../../../src/local/github-emulator/store';
import { startFixture } from './fixture';

const WEEK_MS = 7 * 86_400_000;

describe('loading a dataset', () => {
  it('ignores unknown fields and fills in missing optional ones with GitHub\'s defaults', async () => {
    const dataset = {
      version: 7,
      generator: { name: 'someone-elses-tool' },
      commits: [{ repo: 'solo/tool', author: 'sam', date: '2025-05-05T05:05:05Z', mood: 'happy' }],
      pullRequests: [{ repo: 'solo/tool', number: 1, author: 'sam', createdAt: '2025-05-06T10:00:00Z', mergedAt: '2025-05-06T12:00:00Z', labels: ['x'], extra: true }],
      issues: [{ repo: 'solo/tool', number: 2, author: 'kim', createdAt: '2025-05-07T10:00:00+02:00' }],
    };
    const started = await startFixture(dataset);
    try {
      const octokit = started.octokit('t');

      const { data: repo } = await octokit.rest.repos.get({ owner: 'solo', repo: 'tool' });
      const { data: [commit] } = await octokit.rest.repos.listCommits({ owner: 'solo', repo: 'tool' });
      const { data: pull } = await octokit.rest.pulls.get({ owner: 'solo', repo: 'tool', pull_number: 1 });
      const { data: [issue] } = await octokit.rest.issues.listForRepo({ owner: 'solo', repo: 'tool', creator: 'kim' });
      const { data: user } = await octokit.rest.users.getByUsername({ username: 'sam' });

      expect(repo).toMatchObject({ private: false, language: null, description: null, default_branch: 'main', archived: false, owner: { type: 'User' } });
      expect(commit).toMatchObject({ author: { login: 'sam' }, parents: [expect.objectContaining({ sha: expect.any(String) })] });
      expect(commit?.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(commit?.commit.message).toBe('Update');
      expect(commit?.commit.author?.email).toBe(`${user.id}+sam@users.noreply.github.com`);
      expect(pull).toMatchObject({ title: 'Update', state: 'closed', closed_at: '2025-05-06T12:00:00Z', additions: 0, deletions: 0, changed_files: 0, body: null });
      expect(issue).toMatchObject({ created_at: '2025-05-07T08:00:00Z', state: 'open', closed_at: null, body: null });
      expect(user).toMatchObject({ name: null, email: null, type: 'User' });
    } finally {
      await started.stop();
    }
  });

  it('loads a dataset with nothing in it', () => {
    const store = buildStore(parseDataset({}));

    expect(store.repositories.size).toBe(0);
  });

  it('names every problem of a malformed dataset with its path', () => {
    const attempt = () => parseDataset({ commits: [{ repo: 'no-slash', date: 'soon' }], pullRequests: [{ repo: 'a/b', number: -1 }] });

    expect(attempt).toThrow(GithubDatasetError);
    expect(attempt).toThrow(/commits\.0\.repo: must be "owner\/name"/);
    expect(attempt).toThrow(/commits\.0\.date: must be an ISO-8601 time/);
    expect(attempt).toThrow(/pullRequests\.0\.number/);
  });

  it('refuses an issue and a pull request with the same number in one repository', () => {
    const dataset = parseDataset({
      pullRequests: [{ repo: 'a/b', number: 1, author: 'x', createdAt: '2025-01-01T00:00:00Z' }],
      issues: [{ repo: 'a/b', number: 1, author: 'x', createdAt: '2025-01-01T00:00:00Z' }],
    });

    expect(() => buildStore(dataset)).toThrow(/two issues or pull requests numbered 1 in a\/b/);
  });

  it('fails to start with a readable error for a file that is not there', async () => {
    await expect(startGithubEmulator({ port: 0, datasetPath: '/no/such/dataset.json' })).rejects.toThrow(/Cannot read the GitHub dataset \/no\/such\/dataset\.json: ENOENT/);
  });
});

describe('the anchor', () => {
  const dataset = {
    anchor: '2025-01-31T12:00:00Z',
    commits: [{ repo: 'a/b', author: 'x', date: '2025-01-30T23:30:00Z' }],
    pullRequests: [{ repo: 'a/b', number: 1, author: 'x', createdAt: '2025-01-29T10:00:00Z', reviews: [{ reviewer: 'y', state: 'approved', submittedAt: '2025-01-29T11:00:00Z' }] }],
  };
  const now = Date.parse('2025-06-18T15:42:10Z');

  it('shifts every timestamp by now − anchor', async () => {
    const started = await startFixture(dataset, { now });
    try {
      const octokit = started.octokit('t');
      const shift = now - Date.parse(dataset.anchor);

      const { data: [commit] } = await octokit.rest.repos.listCommits({ owner: 'a', repo: 'b' });
      const { data: [review] } = await octokit.rest.pulls.listReviews({ owner: 'a', repo: 'b', pull_number: 1 });

      expect(Date.parse(commit?.commit.author?.date ?? '')).toBe(Date.parse('2025-01-30T23:30:00Z') + shift);
      expect(Date.parse(review?.submitted_at ?? '')).toBe(Date.parse('2025-01-29T11:00:00Z') + shift);
      expect(review?.state).toBe('APPROVED');
    } finally {
      await started.stop();
    }
  });

  it('with anchorShift "whole-weeks", shifts by whole weeks only, keeping weekday and hour', () => {
    const store = buildStore(parseDataset({ ...dataset, anchorShift: 'whole-weeks' }), { now });
    const [commit] = store.commitsByRepo.get('a/b') ?? [];

    expect(store.shiftMs % WEEK_MS).toBe(0);
    expect(now - Date.parse(dataset.anchor) - store.shiftMs).toBeGreaterThanOrEqual(0);
    expect(now - Date.parse(dataset.anchor) - store.shiftMs).toBeLessThan(WEEK_MS);
    expect(new Date(commit?.authoredAt ?? 0).toISOString()).toMatch(/T23:30:00/);
    expect(new Date(commit?.authoredAt ?? 0).getUTCDay()).toBe(new Date('2025-01-30T23:30:00Z').getUTCDay());
  });

  it('serves timestamps as written when there is no anchor', () => {
    const store = buildStore(parseDataset({ commits: dataset.commits }), { now });

    expect(store.shiftMs).toBe(0);
    expect(store.commitsByRepo.get('a/b')?.[0]?.authoredAt).toBe(Date.parse('2025-01-30T23:30:00Z'));
  });
});
