import type { ActivityFacts } from '../metrics';
import { plural } from './scale';
import type { Confidence, EvidenceBasis } from './types';

/**
 * How much data a score needs, defined once (docs/analytics.md, "Confidence").
 * Code quality rests on pull requests (review coverage, size, reviews given)
 * and commits (reverts); burnout on commits (their local hours) and the days
 * they fall on. Below `scored` there is no score at all: metrics.md's
 * example, fewer than 5 counted commits and no pull request.
 */
export const QUALITY_CONFIDENCE = {
  high: { pullRequests: 10, commits: 20 },
  medium: { pullRequests: 3 },
  scored: { pullRequests: 1, commits: 5 },
} as const;

export const BURNOUT_CONFIDENCE = {
  high: { commits: 20, activeDays: 10 },
  medium: { commits: 10 },
  scored: { commits: 5 },
} as const;

export function basisOf(facts: ActivityFacts): EvidenceBasis {
  return {
    commits: facts.commits,
    pullRequests: facts.pullRequests,
    reviews: facts.reviewsGiven,
    activeDays: facts.activeDays,
  };
}

export function qualityConfidenceOf(facts: ActivityFacts): Confidence {
  const { high, medium, scored } = QUALITY_CONFIDENCE;
  if (facts.pullRequests >= high.pullRequests && facts.commits >= high.commits) return 'high';
  if (facts.pullRequests >= medium.pullRequests) return 'medium';
  if (facts.pullRequests >= scored.pullRequests || facts.commits >= scored.commits) return 'low';
  return 'insufficient_data';
}

export function burnoutConfidenceOf(facts: ActivityFacts): Confidence {
  const { high, medium, scored } = BURNOUT_CONFIDENCE;
  if (facts.commits >= high.commits && facts.activeDays >= high.activeDays) return 'high';
  if (facts.commits >= medium.commits) return 'medium';
  if (facts.commits >= scored.commits) return 'low';
  return 'insufficient_data';
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function commitsOf(facts: ActivityFacts): string {
  return facts.commits === 0 ? 'no commits' : plural(facts.commits, 'commit');
}

function pullRequestsOf(facts: ActivityFacts): string {
  if (facts.pullRequests === 0) return 'no pull request';
  return `${plural(facts.pullRequests, 'pull request')} (${facts.mergedPullRequests} merged)`;
}

export function qualityEvidenceOf(facts: ActivityFacts, confidence: Confidence): string {
  const period = `in ${facts.windowDays} days`;
  if (confidence === 'insufficient_data') {
    return sentence(`${commitsOf(facts)} and ${pullRequestsOf(facts)} ${period}: too little to score code quality`);
  }
  if (facts.pullRequests === 0) {
    return sentence(`${commitsOf(facts)} and no pull request ${period}: scored on reverts only, as review coverage and change size need pull requests`);
  }
  const reviews = facts.reviewsGiven === 0 ? 'no review given' : plural(facts.reviewsGiven, 'review') + ' given';
  return `Rests on ${pullRequestsOf(facts)}, ${commitsOf(facts)} and ${reviews} ${period}`;
}

/**
 * The out-of-hours shares of few commits are noisy, so their points count
 * in proportion to the commits up to BURNOUT_CONFIDENCE.high.commits.
 */
export function outOfHoursWeightOf(facts: ActivityFacts): number {
  return Math.min(1, facts.commits / BURNOUT_CONFIDENCE.high.commits);
}

export function burnoutEvidenceOf(facts: ActivityFacts, confidence: Confidence): string {
  const period = `in ${facts.windowDays} days`;
  if (confidence === 'insufficient_data') {
    return sentence(`${commitsOf(facts)} ${period}: too little to judge working hours`);
  }
  const rests = `Rests on ${commitsOf(facts)} on ${plural(facts.activeDays, 'active day')} ${period}`;
  const weight = outOfHoursWeightOf(facts);
  if (weight >= 1) return rests;
  const full = BURNOUT_CONFIDENCE.high.commits;
  return `${rests}; late-night and weekend shares count at ${Math.round(weight * 100)}%, as they count fully from ${full} commits`;
}
