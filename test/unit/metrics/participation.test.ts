import { describe, expect, it } from 'vitest';
import type { GivenReviewRecord, IssueRecord } from '../../../src/domain/activity';
import { daysAgo, givenReview, issue, metricsFor } from './fixtures';

describe('totalIssues', () => {
  it.each<[string, Partial<IssueRecord>, number]>([
    ['counts an issue the person opened in the window', {}, 1],
    ['counts the login case-insensitively', { authorLogin: 'ALICE-DEV' }, 1],
    ["ignores someone else's issue", { authorLogin: 'charlie-junior' }, 0],
    ['ignores an issue without a known author', { authorLogin: null }, 0],
    ['ignores an issue opened before the window', { createdAt: daysAgo(91) }, 0],
  ])('%s', (_behaviour, overrides, expected) => {
    expect(metricsFor({ issues: [issue(overrides)] }).metrics.totalIssues).toBe(expected);
  });

  it('counts an issue the collector returned twice once', () => {
    const twice = issue();
    expect(metricsFor({ issues: [twice, { ...twice }] }).metrics.totalIssues).toBe(1);
  });
});

describe('reviewsGiven', () => {
  it.each<[string, Partial<GivenReviewRecord>, number]>([
    ["counts an approval of someone else's pull request", {}, 1],
    ['counts requested changes', { state: 'CHANGES_REQUESTED' }, 1],
    ['counts a comment-only review', { state: 'COMMENTED' }, 1],
    ['counts a review that was dismissed later', { state: 'DISMISSED' }, 1],
    ['ignores a pending review', { state: 'PENDING', submittedAt: null }, 0],
    ['ignores a review still marked pending even if it carries a time', { state: 'PENDING' }, 0],
    ['ignores a review without a submission time', { submittedAt: null }, 0],
    ["ignores a review of the person's own pull request", { pullAuthorLogin: 'alice-dev' }, 0],
    ["ignores a review of the person's own pull request in another case", { pullAuthorLogin: 'Alice-Dev' }, 0],
    ["counts a review of a bot's pull request", { pullAuthorLogin: 'dependabot[bot]' }, 1],
    ['counts a review of a deleted account’s pull request', { pullAuthorLogin: null }, 1],
    ['ignores a review submitted before the window', { submittedAt: daysAgo(90.5) }, 0],
    ['ignores a review submitted after the moment of analysis', { submittedAt: daysAgo(-0.5) }, 0],
  ])('%s', (_behaviour, overrides, expected) => {
    expect(metricsFor({ reviewsGiven: [givenReview(overrides)] }).metrics.reviewsGiven).toBe(expected);
  });

  it('counts every review submitted on the same pull request', () => {
    const first = givenReview({ state: 'CHANGES_REQUESTED' });
    const second = { ...first, state: 'APPROVED' as const, submittedAt: '2026-03-16T10:00:00Z' };
    expect(metricsFor({ reviewsGiven: [first, second] }).metrics.reviewsGiven).toBe(2);
  });
});
