import type { ActivityFacts } from '../metrics';
import type { QualityInputs } from './quality-inputs';
import { percent, plural } from './scale';

/** The "heuristic engine": sentences derived from the same figures as the score. */

const HEALTHY_COVERAGE = 0.8;
const REVIEWABLE_PR_LINES = 400;
const LARGE_PR_SHARE = 0.1;
const FREQUENT_REVERT_SHARE = 0.05;
const SLOW_MERGE_HOURS = 72;
/** Figures resting on fewer data points than these are not praised in public. */
const PRAISE_MIN = { pullRequests: 5, commits: 20, reviewsGiven: 10 } as const;

function lines(count: number): string {
  return plural(Math.round(count), 'changed line');
}

function hasNoData(facts: ActivityFacts): boolean {
  return facts.commits === 0 && facts.pullRequests === 0;
}

export function issuesOf(facts: ActivityFacts, inputs: QualityInputs): string[] {
  const period = `the last ${facts.windowDays} days`;
  if (hasNoData(facts)) {
    return [`Not enough activity to assess code quality: no commits or pull requests in ${period}`];
  }
  const issues: string[] = [];
  if (facts.pullRequests === 0) {
    issues.push(`No pull requests in ${period}, so review coverage and change size could not be assessed`);
  } else if (facts.mergedPullRequests === 0) {
    issues.push(`No pull request was merged in ${period}, so review coverage could not be assessed`);
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

export function recommendationsOf(facts: ActivityFacts, inputs: QualityInputs): string[] {
  if (hasNoData(facts)) {
    return ['Check that your commits are authored with the GitHub account linked here, so your work is counted'];
  }
  const recommendations: string[] = [];
  if (facts.pullRequests === 0) {
    recommendations.push('Open pull requests for your changes so teammates can review them before they land');
  }
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
  if (recommendations.length === 0) {
    recommendations.push('Keep the current habits: small, reviewed pull requests and few reverts');
  }
  return recommendations;
}

/** Positive or neutral only, and never about when someone works: teammates may read these. */
export function publicInsightsOf(facts: ActivityFacts, inputs: QualityInputs, overallScore: number): string[] {
  const insights: string[] = [];
  const enoughPulls = facts.pullRequests >= PRAISE_MIN.pullRequests;
  const enoughCommits = facts.commits >= PRAISE_MIN.commits;
  if (overallScore >= 8 && enoughPulls) insights.push('High code quality');
  if (
    inputs.reviewCoverage !== null &&
    inputs.reviewCoverage >= 0.8 &&
    facts.mergedPullRequests >= PRAISE_MIN.pullRequests
  ) {
    insights.push('High review coverage');
  }
  if (
    enoughPulls &&
    inputs.medianPrSize !== null &&
    inputs.medianPrSize <= REVIEWABLE_PR_LINES &&
    (inputs.largePrShare ?? 0) < LARGE_PR_SHARE
  ) {
    insights.push('Small, focused pull requests');
  }
  if (enoughCommits && inputs.revertShare !== null && inputs.revertShare <= 0.02) {
    insights.push('Changes rarely need reverting');
  }
  if (facts.reviewsGiven >= PRAISE_MIN.reviewsGiven) {
    insights.push(`Active reviewer: ${plural(facts.reviewsGiven, 'review')} given`);
  }
  const activeWeeks = facts.weekly.filter((week) => week.commits > 0).length;
  if (enoughCommits && activeWeeks >= 0.75 * facts.weekly.length) insights.push('Consistent contributor');
  if (insights.length === 0 && facts.commits > 0) {
    insights.push(
      `Contributed ${plural(facts.commits, 'commit')} to ${plural(facts.repos, 'repository', 'repositories')}`,
    );
  }
  return insights;
}
