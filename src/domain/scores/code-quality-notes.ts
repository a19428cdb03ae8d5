import type { ActivityFacts } from '../metrics';
import type { QualityInputs } from './quality-inputs';
import { percent, plural } from './scale';

/**
 * The "heuristic engine": sentences derived from the same figures as the
 * score, each earned by this person's own figures and naming them.
 */

const HEALTHY_COVERAGE = 0.8;
const REVIEWABLE_PR_LINES = 400;
const LARGE_PR_SHARE = 0.1;
const FREQUENT_REVERT_SHARE = 0.05;
const RARE_REVERT_SHARE = 0.02;
const SLOW_MERGE_HOURS = 72;
/** A streak longer than this is not "consistent", it is a warning (as in personal insights). */
const SUSTAINABLE_STREAK_DAYS = 10;
/** Share of the window's weeks with commits that makes a contributor consistent. */
const CONSISTENT_WEEKS = 0.75;
/** Figures resting on fewer data points than these are not praised in public. */
const PRAISE_MIN = { pullRequests: 5, commits: 20, reviewsGiven: 10 } as const;
/** Merged pull requests below which "keep the current habits" would praise too little. */
const HABITS_MIN_MERGED = 3;

function lines(count: number): string {
  return plural(Math.round(count), 'changed line');
}

function hasNoData(facts: ActivityFacts): boolean {
  return facts.commits === 0 && facts.pullRequests === 0;
}

export function issuesOf(facts: ActivityFacts, inputs: QualityInputs, overallScore: number | null): string[] {
  const period = `the last ${facts.windowDays} days`;
  if (hasNoData(facts)) {
    return [`Not enough activity to assess code quality: no commits or pull requests in ${period}`];
  }
  const issues: string[] = [];
  if (overallScore === null) {
    issues.push(`Not enough activity to assess code quality: ${plural(facts.commits, 'commit')} and no pull request in ${period}`);
  } else if (facts.pullRequests === 0) {
    issues.push(`No pull requests in ${period}, so review coverage and change size are not part of the score`);
  } else if (facts.mergedPullRequests === 0) {
    issues.push(`No pull request was merged in ${period}, so review coverage is not part of the score`);
  }
  if (inputs.reviewCoverage !== null && inputs.reviewCoverage < HEALTHY_COVERAGE) {
    const unreviewed = facts.mergedPullRequests - facts.approvedMergedPullRequests;
    issues.push(
      `${unreviewed} of ${plural(facts.mergedPullRequests, 'merged pull request')} had no approving review before the merge`,
    );
  }
  if (inputs.medianPrSize !== null && inputs.medianPrSize > REVIEWABLE_PR_LINES) {
    issues.push(
      `Median pull request size is ${lines(inputs.medianPrSize)}, above the ${REVIEWABLE_PR_LINES} lines reviewers handle well`,
    );
  }
  if (inputs.largePrShare !== null && inputs.largePrShare >= LARGE_PR_SHARE) {
    issues.push(`${percent(facts.largePullRequests, facts.pullRequests)}% of pull requests change more than 1,000 lines`);
  }
  if (inputs.revertShare !== null && inputs.revertShare >= FREQUENT_REVERT_SHARE) {
    issues.push(`${percent(facts.revertCommits, facts.commits)}% of commits are reverts`);
  }
  return issues;
}

function hasHealthyHabits(facts: ActivityFacts, inputs: QualityInputs): boolean {
  return (
    facts.mergedPullRequests >= HABITS_MIN_MERGED &&
    (inputs.reviewCoverage ?? 0) >= HEALTHY_COVERAGE &&
    inputs.medianPrSize !== null &&
    inputs.medianPrSize <= REVIEWABLE_PR_LINES &&
    (inputs.revertShare ?? 0) < FREQUENT_REVERT_SHARE
  );
}

/**
 * No pull requests in the data is not advice to open them: GitHub may hold
 * them where the sync cannot see (a fork's, say), so only figures that are
 * there give a recommendation.
 */
export function recommendationsOf(facts: ActivityFacts, inputs: QualityInputs, overallScore: number | null): string[] {
  if (hasNoData(facts)) {
    return ['Check that your commits are authored with the GitHub account linked here, so your work is counted'];
  }
  if (overallScore === null) return [];
  const recommendations: string[] = [];
  if (inputs.reviewCoverage !== null && inputs.reviewCoverage < HEALTHY_COVERAGE) {
    recommendations.push(
      'Get an approving review from a teammate before merging; aim for at least 80% of merges reviewed',
    );
  }
  if (inputs.medianPrSize !== null && inputs.medianPrSize > REVIEWABLE_PR_LINES) {
    recommendations.push(
      `Keep pull requests under ${REVIEWABLE_PR_LINES} changed lines: separate refactoring from behaviour changes and ship features in steps`,
    );
  }
  if (inputs.largePrShare !== null && inputs.largePrShare >= LARGE_PR_SHARE) {
    recommendations.push(
      'Break very large changes into a series of smaller pull requests, using feature flags to merge unfinished work safely',
    );
  }
  if (inputs.revertShare !== null && inputs.revertShare >= FREQUENT_REVERT_SHARE) {
    recommendations.push(
      'Catch problems before merging: add tests with each change and try it in staging, so fewer commits need reverting',
    );
  }
  const cycleHours = facts.medianPrCycleTimeHours;
  if (cycleHours !== null && cycleHours > SLOW_MERGE_HOURS && facts.mergedPullRequests >= 3) {
    recommendations.push(
      `Pull requests take a median of ${(cycleHours / 24).toFixed(1)} days to merge; asking for review early and keeping changes small shortens that`,
    );
  }
  if (facts.reviewsGiven === 0 && facts.pullRequests >= 3) {
    recommendations.push("Review teammates' pull requests too: it spreads knowledge and speeds up their merges");
  }
  if (recommendations.length === 0 && hasHealthyHabits(facts, inputs)) {
    recommendations.push('Keep the current habits: small, reviewed pull requests and few reverts');
  }
  return recommendations;
}

function isConsistent(facts: ActivityFacts, inputs: QualityInputs, activeWeeks: number): boolean {
  return (
    facts.commits >= PRAISE_MIN.commits &&
    activeWeeks >= CONSISTENT_WEEKS * facts.weekly.length &&
    (inputs.revertShare ?? 0) < FREQUENT_REVERT_SHARE &&
    (facts.longestStreak?.days ?? 0) <= SUSTAINABLE_STREAK_DAYS
  );
}

/** Positive or neutral only, and never about when someone works: teammates may read these. */
export function publicInsightsOf(facts: ActivityFacts, inputs: QualityInputs, overallScore: number | null): string[] {
  const insights: string[] = [];
  const enoughPulls = facts.pullRequests >= PRAISE_MIN.pullRequests;
  if (overallScore !== null && overallScore >= 8 && enoughPulls) {
    insights.push(`High code quality: ${overallScore.toFixed(1)}/10`);
  }
  if (
    inputs.reviewCoverage !== null &&
    inputs.reviewCoverage >= HEALTHY_COVERAGE &&
    facts.mergedPullRequests >= PRAISE_MIN.pullRequests
  ) {
    insights.push(`High review coverage: ${facts.approvedMergedPullRequests} of ${facts.mergedPullRequests} merges approved`);
  }
  if (
    enoughPulls &&
    inputs.medianPrSize !== null &&
    inputs.medianPrSize <= REVIEWABLE_PR_LINES &&
    (inputs.largePrShare ?? 0) < LARGE_PR_SHARE
  ) {
    insights.push(`Small, focused pull requests: a median of ${lines(inputs.medianPrSize)}`);
  }
  if (facts.commits >= PRAISE_MIN.commits && inputs.revertShare !== null && inputs.revertShare <= RARE_REVERT_SHARE) {
    insights.push(`Changes rarely need reverting: ${plural(facts.revertCommits, 'revert')} in ${plural(facts.commits, 'commit')}`);
  }
  if (facts.reviewsGiven >= PRAISE_MIN.reviewsGiven) {
    insights.push(`Active reviewer: ${plural(facts.reviewsGiven, 'review')} given`);
  }
  const activeWeeks = facts.weekly.filter((week) => week.commits > 0).length;
  if (isConsistent(facts, inputs, activeWeeks)) {
    insights.push(`Consistent contributor: commits in ${activeWeeks} of ${facts.weekly.length} weeks`);
  }
  if (insights.length === 0 && facts.commits > 0) {
    insights.push(
      `Contributed ${plural(facts.commits, 'commit')} to ${plural(facts.repos, 'repository', 'repositories')}`,
    );
  }
  return insights;
}
