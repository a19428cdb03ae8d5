import type { ActivityFacts } from '../metrics';
import { issuesOf, publicInsightsOf, recommendationsOf } from './code-quality-notes';
import { qualityInputsOf } from './quality-inputs';
import { clamp, interpolate, round1, round2 } from './scale';
import type { CodeQualityAssessment, Signal } from './types';

/** The score when nothing is known: the middle of the scale. */
export const NEUTRAL_SUBSCORE = 5;

/**
 * Weighted parts of the score, each a 0..10 sub-score; the weights sum to 1
 * so the contributions add up to the score. Review coverage weighs most:
 * an unreviewed merge is the strongest quality signal GitHub gives us.
 */
const WEIGHTS = { reviewCoverage: 0.4, medianPrSize: 0.2, largePrShare: 0.1, revertShare: 0.3 } as const;

/**
 * Reviewers stay effective up to a few hundred changed lines (the usual
 * 200–400 guidance); past 1,000 a review is mostly a formality.
 */
const PR_SIZE_CURVE = [
  [100, 10],
  [250, 9],
  [400, 8],
  [1000, 4],
  [2000, 1],
  [3000, 0],
] as const;

/** Sample sizes at which a sub-score is fully trusted; below, it is pulled toward neutral in proportion. */
const FULL_CONFIDENCE = { mergedPullRequests: 5, pullRequests: 5, commits: 20 } as const;

/** Pulls a sub-score toward neutral when it rests on few data points; null (no data) is neutral. */
function trusted(subScore: number | null, sample: number, fullAt: number): number {
  if (subScore === null) return NEUTRAL_SUBSCORE;
  return NEUTRAL_SUBSCORE + (subScore - NEUTRAL_SUBSCORE) * Math.min(1, sample / fullAt);
}

/**
 * Code quality from review coverage, pull request size and reverts.
 * - review coverage: 10 × the share of merges approved by someone else;
 * - median pull request size: 10 up to 100 lines, 8 at 400, 4 at 1,000, 0 from 3,000;
 * - share of pull requests over 1,000 lines: 10 at none, 0 from half;
 * - revert share: 10 at none, 5 at 10%, 0 from 20%.
 * With no commits and no pull requests every part is neutral and the score
 * is 5.0, with an issue saying there is not enough data.
 */
export function scoreCodeQuality(facts: ActivityFacts): CodeQualityAssessment {
  const inputs = qualityInputsOf(facts);
  const parts: { name: keyof typeof WEIGHTS; value: number | null; subScore: number }[] = [
    {
      name: 'reviewCoverage',
      value: inputs.reviewCoverage,
      subScore: trusted(
        inputs.reviewCoverage === null ? null : 10 * inputs.reviewCoverage,
        facts.mergedPullRequests,
        FULL_CONFIDENCE.mergedPullRequests,
      ),
    },
    {
      name: 'medianPrSize',
      value: inputs.medianPrSize,
      subScore: trusted(
        inputs.medianPrSize === null ? null : interpolate(PR_SIZE_CURVE, inputs.medianPrSize),
        facts.pullRequests,
        FULL_CONFIDENCE.pullRequests,
      ),
    },
    {
      name: 'largePrShare',
      value: inputs.largePrShare,
      subScore: trusted(
        inputs.largePrShare === null ? null : 10 * Math.max(0, 1 - 2 * inputs.largePrShare),
        facts.pullRequests,
        FULL_CONFIDENCE.pullRequests,
      ),
    },
    {
      name: 'revertShare',
      value: inputs.revertShare,
      subScore: trusted(
        inputs.revertShare === null ? null : 10 * Math.max(0, 1 - 5 * inputs.revertShare),
        facts.commits,
        FULL_CONFIDENCE.commits,
      ),
    },
  ];

  const signals: Signal[] = parts.map(({ name, value, subScore }) => ({
    name,
    value: value === null ? null : round2(value),
    contribution: round2(WEIGHTS[name] * subScore),
  }));
  const total = parts.reduce((sum, { name, subScore }) => sum + WEIGHTS[name] * subScore, 0);
  const overallScore = round1(clamp(total, 0, 10));
  return {
    overallScore,
    signals,
    issues: issuesOf(facts, inputs),
    recommendations: recommendationsOf(facts, inputs),
    publicInsights: publicInsightsOf(facts, inputs, overallScore),
  };
}
