import type { ActivityFacts } from '../metrics';
import { issuesOf, publicInsightsOf, recommendationsOf } from './code-quality-notes';
import { basisOf, qualityConfidenceOf, qualityEvidenceOf } from './evidence';
import { qualityInputsOf, type QualityInputs } from './quality-inputs';
import { clamp, interpolate, round1, round2 } from './scale';
import type { CodeQualityAssessment, Signal } from './types';

/**
 * Weighted parts of the score, each a 0..10 sub-score. Only the parts with
 * data count, their weights renormalised to sum to 1, so the contributions
 * add up to the score. Review coverage weighs most: an unreviewed merge is
 * the strongest quality signal GitHub gives us.
 */
export const QUALITY_WEIGHTS = {
  reviewCoverage: 0.35,
  medianPrSize: 0.2,
  largePrShare: 0.1,
  revertShare: 0.2,
  reviewsGivenPerPullRequest: 0.15,
} as const;

type Part = keyof typeof QUALITY_WEIGHTS;

/**
 * Reviewers stay effective up to a few hundred changed lines (the usual
 * 200–400 guidance) and find most in the smallest; past 1,000 a review is
 * mostly a formality.
 */
const PR_SIZE_CURVE = [
  [50, 10],
  [200, 9],
  [400, 7],
  [1000, 3],
  [2000, 1],
  [3000, 0],
] as const;

/** One review given per pull request authored is taking a full share of the team's reviewing. */
const FULL_REVIEW_SHARE = 1;

/** Each part's 0..10 sub-score; null when it has no data and is left out. */
function subScoresOf(inputs: QualityInputs): Record<Part, number | null> {
  const scaled = (value: number | null, toSubScore: (value: number) => number) =>
    value === null ? null : clamp(toSubScore(value), 0, 10);
  return {
    reviewCoverage: scaled(inputs.reviewCoverage, (coverage) => 10 * coverage),
    medianPrSize: scaled(inputs.medianPrSize, (lines) => interpolate(PR_SIZE_CURVE, lines)),
    largePrShare: scaled(inputs.largePrShare, (large) => 10 * (1 - 2 * large)),
    revertShare: scaled(inputs.revertShare, (reverts) => 10 * (1 - 5 * reverts)),
    reviewsGivenPerPullRequest: scaled(inputs.reviewsGivenPerPullRequest, (ratio) => (10 * ratio) / FULL_REVIEW_SHARE),
  };
}

/**
 * Code quality from review coverage, pull request size, reverts and reviews
 * given (docs/analytics.md, "Code quality"):
 * - review coverage: 10 × the share of merges approved by someone else;
 * - median pull request size: 10 up to 50 lines, 9 at 200, 7 at 400, 3 at 1,000, 0 from 3,000;
 * - share of pull requests over 1,000 lines: 10 at none, 0 from half;
 * - revert share: 10 at none, 5 at 10%, 0 from 20%;
 * - reviews given per pull request authored: 10 from one each, 0 at none.
 * Too little evidence (evidence.ts) gives no score, `insufficient_data` and
 * a sentence saying what is missing.
 */
export function scoreCodeQuality(facts: ActivityFacts): CodeQualityAssessment {
  const inputs = qualityInputsOf(facts);
  const confidence = qualityConfidenceOf(facts);
  const subScores = subScoresOf(inputs);
  const parts = (Object.keys(QUALITY_WEIGHTS) as Part[]).map((name) => ({ name, subScore: subScores[name] }));
  const weightWithData = parts.reduce((sum, { name, subScore }) => sum + (subScore === null ? 0 : QUALITY_WEIGHTS[name]), 0);
  const scored = confidence !== 'insufficient_data' && weightWithData > 0;
  const contributionOf = (name: Part, subScore: number | null) =>
    !scored || subScore === null ? 0 : (QUALITY_WEIGHTS[name] / weightWithData) * subScore;

  const signals: Signal[] = parts.map(({ name, subScore }) => ({
    name,
    value: inputs[name] === null ? null : round2(inputs[name] as number),
    contribution: round2(contributionOf(name, subScore)),
  }));
  const total = parts.reduce((sum, { name, subScore }) => sum + contributionOf(name, subScore), 0);
  const overallScore = scored ? round1(clamp(total, 0, 10)) : null;
  return {
    overallScore,
    confidence: scored ? confidence : 'insufficient_data',
    basis: basisOf(facts),
    evidence: qualityEvidenceOf(facts, scored ? confidence : 'insufficient_data'),
    signals,
    issues: issuesOf(facts, inputs, overallScore),
    recommendations: recommendationsOf(facts, inputs, overallScore),
    publicInsights: publicInsightsOf(facts, inputs, overallScore),
  };
}
