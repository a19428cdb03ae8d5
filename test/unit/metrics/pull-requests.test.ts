import { describe, expect, it } from 'vitest';
import type { PullRequestRecord, ReviewRecord } from '../../../src/domain/activity';
import { NOW, daysAgo, isoAt, metricsFor, pull, review } from './fixtures';

const CREATED = '2026-03-10T09:00:00Z';
const MERGED = '2026-03-11T09:00:00Z';
const mergedMs = Date.parse(MERGED);

describe('totalPRs and mergedPRs', () => {
  it.each<[string, Partial<PullRequestRecord>, number, number]>([
    ['counts a merged pull request created in the window', {}, 1, 1],
    ['counts an open pull request as not merged', { mergedAt: null, closedAt: null }, 1, 0],
    ['counts a closed, unmerged pull request as not merged', { mergedAt: null }, 1, 0],
    ['counts the author login case-insensitively', { authorLogin: 'ALICE-dev' }, 1, 1],
    ["ignores someone else's pull request", { authorLogin: 'bob-senior' }, 0, 0],
    ['ignores a pull request without a known author', { authorLogin: null }, 0, 0],
    [
      'ignores a pull request created before the window, even if merged inside it',
      { createdAt: daysAgo(95), mergedAt: daysAgo(80) },
      0,
      0,
    ],
    ['counts a pull request created in the window but merged after now as not merged', { mergedAt: daysAgo(-1) }, 1, 0],
  ])('%s', (_behaviour, overrides, total, merged) => {
    expect(metricsFor({ pullRequests: [pull(overrides)] }).metrics).toMatchObject({ totalPRs: total, mergedPRs: merged });
  });

  it('counts a pull request the collector returned twice once', () => {
    const twice = pull();
    expect(metricsFor({ pullRequests: [twice, { ...twice }] }).metrics.totalPRs).toBe(1);
  });
});

describe('medianPrCycleTimeHours', () => {
  const mergedAfter = (...hours: number[]) =>
    hours.map((h) => pull({ createdAt: CREATED, mergedAt: isoAt(Date.parse(CREATED) + h * 3_600_000) }));

  it.each([
    [[10], 10],
    [[10, 20], 15],
    [[30, 10, 20], 20],
    [[1, 2, 3, 100], 2.5],
    [[4 / 3], 1.33],
  ])('is the median over merged pull requests of %j hours: %s', (hours, expected) => {
    expect(metricsFor({ pullRequests: mergedAfter(...hours) }).metrics.medianPrCycleTimeHours).toBe(expected);
  });

  it('leaves out unmerged pull requests', () => {
    const pullRequests = [...mergedAfter(10), pull({ mergedAt: null })];
    expect(metricsFor({ pullRequests }).metrics.medianPrCycleTimeHours).toBe(10);
  });

  it('is null when nothing was merged', () => {
    expect(metricsFor({ pullRequests: [pull({ mergedAt: null })] }).metrics.medianPrCycleTimeHours).toBeNull();
  });
});

describe('medianPrSize', () => {
  const sized = (...sizes: number[]) => sizes.map((size) => pull({ additions: size - 10, deletions: 10 }));

  it.each([
    [[120], 120],
    [[100, 300], 200],
    [[101, 200, 1000], 200],
    [[10, 20, 30, 41], 25],
    [[11, 12], 11.5],
  ])('is the median of additions + deletions over %j: %s', (sizes, expected) => {
    expect(metricsFor({ pullRequests: sized(...sizes) }).metrics.medianPrSize).toBe(expected);
  });

  it('includes unmerged pull requests', () => {
    const pullRequests = [pull({ additions: 100, deletions: 0 }), pull({ additions: 300, deletions: 0, mergedAt: null })];
    expect(metricsFor({ pullRequests }).metrics.medianPrSize).toBe(200);
  });

  it('is null when there are no pull requests', () => {
    expect(metricsFor({}).metrics.medianPrSize).toBeNull();
  });

  it.each([
    [1000, 0],
    [1001, 1],
  ])('counts a pull request of %i lines as large: %i', (lines, large) => {
    const result = metricsFor({ pullRequests: [pull({ additions: lines, deletions: 0 })] });
    expect(result.facts.largePullRequests).toBe(large);
  });
});

describe('reviewCoverage', () => {
  const before = (seconds: number) => isoAt(mergedMs - seconds * 1000);

  it.each<[string, ReviewRecord[], number]>([
    ['counts an approval by someone else before the merge', [review({ submittedAt: before(3600) })], 1],
    ['counts an approval 1 second before the merge', [review({ submittedAt: before(1) })], 1],
    ['ignores an approval at the very second of the merge', [review({ submittedAt: MERGED })], 0],
    ['ignores an approval after the merge', [review({ submittedAt: before(-60) })], 0],
    ['ignores a self-approval', [review({ reviewerLogin: 'alice-dev' })], 0],
    ['ignores a self-approval in another letter case', [review({ reviewerLogin: 'Alice-Dev' })], 0],
    ['ignores an approval by a bot', [review({ reviewerLogin: 'approver-bot[bot]' })], 0],
    ['counts an approval by a since-deleted account', [review({ reviewerLogin: null })], 1],
    ['ignores changes requested', [review({ state: 'CHANGES_REQUESTED' })], 0],
    ['ignores a comment-only review', [review({ state: 'COMMENTED' })], 0],
    ['ignores a dismissed approval', [review({ state: 'DISMISSED' })], 0],
    ['ignores a pending review', [review({ state: 'PENDING', submittedAt: null })], 0],
    ['ignores an approval without a submission time', [review({ submittedAt: null })], 0],
    ['is 0 without reviews', [], 0],
    [
      'counts a pull request once, however many approvals',
      [review({ reviewerLogin: 'bob-senior' }), review({ reviewerLogin: 'sarah-em' })],
      1,
    ],
    [
      'counts a real approval next to a self-approval',
      [review({ reviewerLogin: 'alice-dev' }), review({ reviewerLogin: 'sarah-em' })],
      1,
    ],
  ])('%s', (_behaviour, reviews, expected) => {
    expect(metricsFor({ pullRequests: [pull({ reviews })] }).metrics.reviewCoverage).toBe(expected);
  });

  it('is the share of merged pull requests, to 2 decimals', () => {
    const pullRequests = [pull(), pull(), pull({ reviews: [] }), pull({ mergedAt: null, reviews: [] })];
    expect(metricsFor({ pullRequests }).metrics.reviewCoverage).toBe(0.67);
  });

  it('is null when nothing was merged', () => {
    expect(metricsFor({ pullRequests: [pull({ mergedAt: null })] }).metrics.reviewCoverage).toBeNull();
  });

  it('uses the moment of analysis as the end of time for merges', () => {
    const result = metricsFor({ pullRequests: [pull()] }, { now: new Date(NOW.getTime()) });
    expect(result.facts).toMatchObject({ mergedPullRequests: 1, approvedMergedPullRequests: 1 });
  });
});
