import { describe, expect, it } from 'vitest';
import type { CommitRecord } from '../../../src/domain/activity';
import { InvalidMetricsInputError, computeMetrics } from '../../../src/domain/metrics';
import { DAY_MS, LOGIN, NOW, activity, commit, daysAgo, givenReview, issue, metricsFor, pull } from './fixtures';

const CONTRACT_FIELDS = [
  'totalCommits',
  'totalRepos',
  'totalPRs',
  'mergedPRs',
  'totalIssues',
  'lateNightCommitRatio',
  'weekendCommitRatio',
  'activeDays',
  'longestStreakDays',
  'medianPrCycleTimeHours',
  'medianPrSize',
  'reviewCoverage',
  'reviewsGiven',
  'revertCommitRatio',
];

const EMPTY_METRICS = {
  totalCommits: 0,
  totalRepos: 0,
  totalPRs: 0,
  mergedPRs: 0,
  totalIssues: 0,
  lateNightCommitRatio: 0,
  weekendCommitRatio: 0,
  activeDays: 0,
  longestStreakDays: 0,
  medianPrCycleTimeHours: null,
  medianPrSize: null,
  reviewCoverage: null,
  reviewsGiven: 0,
  revertCommitRatio: 0,
};

/** ISO with milliseconds, for boundaries 1 ms apart. */
const exactly = (ms: number) => new Date(ms).toISOString();
const windowStart = NOW.getTime() - 90 * DAY_MS;

describe('metrics object', () => {
  it('has exactly the fields of metrics.md', () => {
    expect(Object.keys(metricsFor({}).metrics).sort()).toEqual([...CONTRACT_FIELDS].sort());
  });

  it('is all zeros and nulls for a person with no activity', () => {
    expect(metricsFor({}).metrics).toEqual(EMPTY_METRICS);
  });
});

describe('counted commits', () => {
  it.each<[string, Partial<CommitRecord>, number]>([
    ['counts a commit by the person inside the window', {}, 1],
    ['counts the login case-insensitively', { authorLogin: 'Alice-DEV' }, 1],
    ["ignores someone else's commit", { authorLogin: 'bob-senior' }, 0],
    ['ignores a commit GitHub could not link to an account', { authorLogin: null }, 0],
    ['ignores a bot commit', { authorLogin: 'dependabot[bot]' }, 0],
    ['ignores a merge commit (2 parents)', { parents: 2 }, 0],
    ['ignores an octopus merge (3 parents)', { parents: 3 }, 0],
    ['counts a root commit (no parents)', { parents: 0 }, 1],
    ['ignores a commit 91 days old', { authoredAt: daysAgo(91) }, 0],
    ['ignores a commit after the moment of analysis', { authoredAt: daysAgo(-1) }, 0],
    ['ignores a commit whose date cannot be read', { authoredAt: 'yesterday' }, 0],
    ['reads a date with a UTC offset', { authoredAt: '2026-03-18T17:00:00+02:00' }, 1],
  ])('%s', (_behaviour, overrides, expected) => {
    expect(metricsFor({ commits: [commit(overrides)] }).metrics.totalCommits).toBe(expected);
  });

  it.each([
    ['counts a commit exactly at the moment of analysis', exactly(NOW.getTime()), 1],
    ['ignores a commit 1 ms after the moment of analysis', exactly(NOW.getTime() + 1), 0],
    ['counts a commit exactly 90 days before (the start is inclusive)', exactly(windowStart), 1],
    ['ignores a commit 1 ms before the window starts', exactly(windowStart - 1), 0],
  ])('%s', (_behaviour, authoredAt, expected) => {
    expect(metricsFor({ commits: [commit({ authoredAt })] }).metrics.totalCommits).toBe(expected);
  });

  it('applies a shorter window when asked', () => {
    const commits = [commit({ authoredAt: daysAgo(6) }), commit({ authoredAt: daysAgo(8) })];
    expect(metricsFor({ commits }, { windowDays: 7 }).metrics.totalCommits).toBe(1);
  });

  it('counts a commit the collector returned twice once', () => {
    const twice = commit();
    expect(metricsFor({ commits: [twice, { ...twice }] }).metrics.totalCommits).toBe(1);
  });

  it('counts the same sha in two repositories in each', () => {
    const original = commit({ repo: 'techstartup/api' });
    const result = metricsFor({ commits: [original, { ...original, repo: 'techstartup/api-fork' }] });
    expect(result.metrics).toMatchObject({ totalCommits: 2, totalRepos: 2 });
  });
});

describe('totalRepos', () => {
  it('counts only repositories with at least one counted commit', () => {
    const commits = [
      commit({ repo: 'techstartup/api' }),
      commit({ repo: 'techstartup/api' }),
      commit({ repo: 'techstartup/web' }),
      commit({ repo: 'techstartup/infra', parents: 2 }),
      commit({ repo: 'techstartup/docs', authorLogin: 'bob-senior' }),
      commit({ repo: 'techstartup/old', authoredAt: daysAgo(120) }),
    ];
    expect(metricsFor({ commits }).metrics.totalRepos).toBe(2);
  });
});

describe('revert commits', () => {
  it.each([
    ['Revert "feat: add retries"\n\nThis reverts commit abc.', true],
    ['revert: flaky migration', true],
    ['REVERT everything', true],
    ['Reverted the flag (the first line starts with "Revert")', true],
    ['fix: handle empty payload\n\nRevert "feat: x" was wrong', false],
    ['feat: revert button in the UI', false],
    [' Revert with a leading space', false],
    ['Rever', false],
    ['', false],
  ])('treats %j as a revert: %s', (message, isRevert) => {
    const result = metricsFor({ commits: [commit({ message })] });
    expect(result.facts.revertCommits).toBe(isRevert ? 1 : 0);
    expect(result.metrics.revertCommitRatio).toBe(isRevert ? 1 : 0);
  });

  it('gives the share of counted commits that are reverts, to 2 decimals', () => {
    const commits = [commit({ message: 'Revert "x"' }), commit(), commit(), commit({ message: 'Revert "y"', parents: 2 })];
    expect(metricsFor({ commits }).metrics.revertCommitRatio).toBe(0.33);
  });
});

describe('ratios', () => {
  it.each([
    [1, 3, 0.33],
    [2, 3, 0.67],
    [29, 200, 0.15],
    [1, 8, 0.13],
    [0, 5, 0],
    [5, 5, 1],
  ])('rounds %i revert(s) in %i commits to %s', (reverts, total, expected) => {
    const commits = Array.from({ length: total }, (_, i) => commit({ message: i < reverts ? 'Revert "x"' : 'feat: y' }));
    expect(metricsFor({ commits }).metrics.revertCommitRatio).toBe(expected);
  });
});

describe('bots are never people', () => {
  it('gives only zeros when the analysed login itself is a bot', () => {
    const bot = 'renovate[bot]';
    const result = computeMetrics({
      activity: activity({
        login: bot,
        commits: [commit({ authorLogin: bot })],
        pullRequests: [pull({ authorLogin: bot })],
        issues: [issue({ authorLogin: bot })],
        reviewsGiven: [givenReview()],
      }),
      now: NOW,
      timezone: 'UTC',
    });
    expect(result.metrics).toEqual(EMPTY_METRICS);
  });
});

describe('arguments', () => {
  it.each([0, -1, 1.5, Number.NaN, 4000])('refuses windowDays %s', (windowDays) => {
    expect(() => metricsFor({}, { windowDays })).toThrow(InvalidMetricsInputError);
  });

  it('refuses an invalid clock', () => {
    expect(() => metricsFor({}, { now: new Date('not a date') })).toThrow(InvalidMetricsInputError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => metricsFor({}, { timezone: 'Europe/Atlantis' })).toThrow(InvalidMetricsInputError);
  });

  it('defaults to a 90-day window', () => {
    const result = computeMetrics({ activity: activity(), now: NOW, timezone: 'UTC' });
    expect(result.facts.windowDays).toBe(90);
  });

  it('keeps the login it was given for matching, whatever its case', () => {
    const result = computeMetrics({
      activity: activity({ login: LOGIN.toUpperCase(), commits: [commit()] }),
      now: NOW,
      timezone: 'UTC',
    });
    expect(result.metrics.totalCommits).toBe(1);
  });
});
