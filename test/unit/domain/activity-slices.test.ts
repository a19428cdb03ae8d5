import { describe, expect, it } from 'vitest';
import type { CommitRecord, PullRequestRecord } from '../../../src/domain/activity';
import { computeMetrics } from '../../../src/domain/metrics';
import { activityOf, mergeSlice, sliceId, slicesOf, slicesToWrite, type ActivitySlice } from '../../../src/domain/sync/activity-slices';

const REPO = 'techstartup/api';

const commit = (sha: string, authorLogin: string | null, authoredAt: string): CommitRecord => ({
  repo: REPO, sha, authorLogin, authoredAt, message: `change ${sha}`, parents: 1,
});

const pull = (number: number, authorLogin: string, createdAt: string, reviews: PullRequestRecord['reviews'] = []): PullRequestRecord => ({
  repo: REPO, number, authorLogin, createdAt, mergedAt: null, closedAt: null, additions: 10, deletions: 2, changedFiles: 1, reviews,
});

describe('slicesOf', () => {
  it('It should put each commit in its author\'s slice of the month it was authored, lower-casing the login', () => {
    const slices = slicesOf({ repo: REPO, commits: [commit('a', 'Bob-Senior', '2026-10-31T23:00:00Z'), commit('b', 'bob-senior', '2026-11-01T01:00:00Z')], pullRequests: [], issues: [] });

    expect(slices.map((slice) => [slice.login, slice.month, slice.commits.map((c) => c.sha)])).toEqual([
      ['bob-senior', '2026-10', ['a']],
      ['bob-senior', '2026-11', ['b']],
    ]);
  });

  it('It should leave out bots and commits GitHub could not link to an account', () => {
    const slices = slicesOf({ repo: REPO, commits: [commit('a', 'dependabot[bot]', '2026-11-01T00:00:00Z'), commit('b', null, '2026-11-01T00:00:00Z')], pullRequests: [], issues: [] });

    expect(slices).toEqual([]);
  });

  it('It should keep a pull request in the month it was opened and give each submitted review to its reviewer', () => {
    const reviewed = pull(7, 'charlie-junior', '2026-10-30T10:00:00Z', [
      { reviewerLogin: 'bob-senior', state: 'APPROVED', submittedAt: '2026-11-02T10:00:00Z' },
      { reviewerLogin: 'alice-dev', state: 'PENDING', submittedAt: null },
    ]);

    const slices = slicesOf({ repo: REPO, commits: [], pullRequests: [reviewed], issues: [] });

    expect(slices.find((slice) => slice.login === 'charlie-junior')).toMatchObject({ month: '2026-10', pullRequests: [reviewed] });
    expect(slices.find((slice) => slice.login === 'bob-senior')).toMatchObject({
      month: '2026-11',
      reviewsGiven: [{ repo: REPO, pullNumber: 7, pullAuthorLogin: 'charlie-junior', state: 'APPROVED', submittedAt: '2026-11-02T10:00:00Z' }],
    });
    expect(slices.some((slice) => slice.login === 'alice-dev')).toBe(false);
  });
});

describe('merging a sync into what is stored', () => {
  const stored: ActivitySlice = {
    login: 'bob-senior', month: '2026-11', repo: REPO,
    commits: [commit('a', 'bob-senior', '2026-11-01T00:00:00Z')],
    pullRequests: [pull(1, 'bob-senior', '2026-11-01T00:00:00Z')],
    reviewsGiven: [{ repo: REPO, pullNumber: 9, pullAuthorLogin: 'alice-dev', state: 'COMMENTED', submittedAt: '2026-11-03T00:00:00Z' }],
    issues: [],
  };

  it('It should count a commit seen twice once, and keep the newest reading of a pull request', () => {
    const merged = pull(1, 'bob-senior', '2026-11-01T00:00:00Z');
    const fresh: ActivitySlice = { ...stored, commits: [commit('a', 'bob-senior', '2026-11-01T00:00:00Z'), commit('b', 'bob-senior', '2026-11-02T00:00:00Z')], pullRequests: [{ ...merged, mergedAt: '2026-11-04T00:00:00Z' }], reviewsGiven: [] };

    const result = mergeSlice(stored, fresh, new Set([1]));

    expect(result.commits.map((c) => c.sha)).toEqual(['a', 'b']);
    expect(result.pullRequests).toEqual([{ ...merged, mergedAt: '2026-11-04T00:00:00Z' }]);
    expect(result.reviewsGiven).toHaveLength(1);
  });

  it('It should replace the given reviews of a pull request the sync read again, so a dismissed review is not counted twice', () => {
    const dismissed = { repo: REPO, pullNumber: 9, pullAuthorLogin: 'alice-dev', state: 'DISMISSED' as const, submittedAt: '2026-11-03T00:00:00Z' };

    const result = mergeSlice(stored, { ...stored, commits: [], pullRequests: [], reviewsGiven: [dismissed] }, new Set([9]));

    expect(result.reviewsGiven).toEqual([dismissed]);
    expect(result.commits).toEqual(stored.commits);
  });

  it('It should write only the slices a sync touched', () => {
    const other: ActivitySlice = { ...stored, login: 'alice-dev', reviewsGiven: [] };
    const fresh = slicesOf({ repo: REPO, commits: [commit('c', 'bob-senior', '2026-11-05T00:00:00Z')], pullRequests: [], issues: [] });

    const written = slicesToWrite(new Map([[sliceId(stored), stored], [sliceId(other), other]]), fresh, new Set());

    expect(written.map(sliceId)).toEqual([sliceId(stored)]);
    expect(written[0]?.commits.map((c) => c.sha)).toEqual(['a', 'c']);
  });
});

describe('reading a person back', () => {
  it('It should give the metrics the same figures from slices as from the records they came from', () => {
    const commits = [commit('a', 'bob-senior', '2026-10-20T23:30:00Z'), commit('b', 'bob-senior', '2026-11-21T10:00:00Z')];
    const pulls = [pull(3, 'bob-senior', '2026-11-01T00:00:00Z', [{ reviewerLogin: 'alice-dev', state: 'APPROVED', submittedAt: '2026-11-01T05:00:00Z' }])];
    const now = new Date('2026-12-01T00:00:00Z');
    const direct = computeMetrics({ activity: { login: 'bob-senior', commits, pullRequests: pulls, reviewsGiven: [], issues: [] }, now, windowDays: 90, timezone: 'UTC' });

    const slices = slicesOf({ repo: REPO, commits, pullRequests: pulls, issues: [] }).filter((slice) => slice.login === 'bob-senior');
    const fromSlices = computeMetrics({ activity: activityOf('bob-senior', slices), now, windowDays: 90, timezone: 'UTC' });

    expect(fromSlices.metrics).toEqual(direct.metrics);
  });
});
