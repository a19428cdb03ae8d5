import { commitFacts } from './commit-facts';
import { localClockOf } from './local-time';
import { countIssues, countReviewsGiven } from './participation';
import { pullRequestFacts } from './pull-request-facts';
import { analysisWindow, isBotLogin, loginMatcher } from './scope';
import type { ActivityFacts, Metrics, MetricsInput, MetricsResult } from './types';

export const DEFAULT_WINDOW_DAYS = 90;

/** `part / whole` rounded to 2 decimals from the counts, so 29/200 gives 0.15 (not 0.14 from 0.145 in binary). */
export function roundedShare(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole) / 100;
}

export function rounded2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** The contract's `metrics` object from the exact facts. */
export function metricsOf(facts: ActivityFacts): Metrics {
  return {
    totalCommits: facts.commits,
    totalRepos: facts.repos,
    totalPRs: facts.pullRequests,
    mergedPRs: facts.mergedPullRequests,
    totalIssues: facts.issues,
    lateNightCommitRatio: roundedShare(facts.lateNightCommits, facts.commits),
    weekendCommitRatio: roundedShare(facts.weekendCommits, facts.commits),
    activeDays: facts.activeDays,
    longestStreakDays: facts.longestStreak?.days ?? 0,
    medianPrCycleTimeHours: rounded2(facts.medianPrCycleTimeHours),
    medianPrSize: rounded2(facts.medianPrSize),
    reviewCoverage:
      facts.mergedPullRequests === 0
        ? null
        : roundedShare(facts.approvedMergedPullRequests, facts.mergedPullRequests),
    reviewsGiven: facts.reviewsGiven,
    revertCommitRatio: roundedShare(facts.revertCommits, facts.commits),
  };
}

/**
 * The metrics of metrics.md for one person, plus the exact facts behind
 * them. Pure: the clock is `now`, the zone is an argument. A login ending
 * in `[bot]` is never a person, so a bot's activity yields only zeros.
 */
export function computeMetrics(input: MetricsInput): MetricsResult {
  const window = analysisWindow(input.now, input.windowDays ?? DEFAULT_WINDOW_DAYS);
  const localClock = localClockOf(input.timezone);
  const { activity } = input;
  const isPerson = !isBotLogin(activity.login);
  const isUser = loginMatcher(activity.login);
  const commits = commitFacts(isPerson ? activity.commits : [], isUser, window, localClock);
  const pulls = pullRequestFacts(isPerson ? activity.pullRequests : [], isUser, window);
  const facts: ActivityFacts = {
    windowDays: window.days,
    timezone: input.timezone,
    ...commits,
    ...pulls,
    issues: isPerson ? countIssues(activity.issues, isUser, window) : 0,
    reviewsGiven: isPerson ? countReviewsGiven(activity.reviewsGiven, isUser, window) : 0,
  };
  return { metrics: metricsOf(facts), facts };
}
