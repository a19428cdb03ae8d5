import type { MemberAnalysis } from '../analysis/member-analysis';
import { clamp, round1 } from '../scores/scale';
import { CAPACITY_MODEL } from './capacity-model';
import type { AnalysedMember } from './team-figures';

/**
 * overallScore = 0.6 × average code quality + 0.4 × (10 − average burnout risk),
 * both over the engineers with enough evidence (HEALTH_EVIDENCE): how well
 * the team builds, and how sustainably. Quality weighs more because it is
 * what the team delivers; burnout still moves a whole band (a team at risk 8
 * loses 3.2).
 */
export const OVERALL_WEIGHTS = { codeQuality: 0.6, wellbeing: 0.4 } as const;

/**
 * An engineer's scores count towards the team's health with this much
 * activity in the window (the capacity model's commit bar, or a few pull
 * requests); the health is rated only when at least `minShare` of the
 * analysed engineers have it. A handful of commits scores only how many
 * there were, and a team of such scores is not "NEEDS ATTENTION".
 */
export const HEALTH_EVIDENCE = { minCommits: CAPACITY_MODEL.minCommits, minPullRequests: 5, minShare: 0.5 } as const;

/** Score bands, from the top: at or above `from`. */
const BANDS = [
  { from: 8.5, health: 'EXCELLENT' },
  { from: 7, health: 'GOOD' },
  { from: 5, health: 'NEEDS ATTENTION' },
  { from: 0, health: 'AT RISK' },
] as const;

/**
 * One engineer in five at high burnout risk caps the health at NEEDS
 * ATTENTION, one in three makes it AT RISK, whatever the averages say:
 * an average hides a few people in trouble.
 */
export const HIGH_RISK_SHARE = { needsAttention: 1 / 5, atRisk: 1 / 3 } as const;

export type TeamHealth = 'EXCELLENT' | 'GOOD' | 'GOOD with concerns' | 'NEEDS ATTENTION' | 'AT RISK' | 'INSUFFICIENT DATA';

/** Enough activity for the scores to say something, and a code-quality score at all. */
export function hasHealthEvidence(analysis: MemberAnalysis): boolean {
  const { totalCommits, totalPRs } = analysis.metrics;
  return analysis.codeQuality.overallScore !== null && (totalCommits >= HEALTH_EVIDENCE.minCommits || totalPRs >= HEALTH_EVIDENCE.minPullRequests);
}

const meanOf = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

export function overallScoreOf(analysed: readonly AnalysedMember[]): number | null {
  const evidenced = analysed.filter(({ analysis }) => hasHealthEvidence(analysis));
  const quality = meanOf(evidenced.flatMap(({ analysis }) => scoreOrNone(analysis.codeQuality.overallScore)));
  const burnout = meanOf(evidenced.flatMap(({ analysis }) => scoreOrNone(analysis.burnout.riskScore)));
  if (quality === null) return null;
  // No burnout score among them: wellbeing is not known, so quality alone speaks.
  if (burnout === null) return round1(clamp(quality, 0, 10));
  return round1(clamp(OVERALL_WEIGHTS.codeQuality * quality + OVERALL_WEIGHTS.wellbeing * (10 - burnout), 0, 10));
}

function scoreOrNone(value: number | null): number[] {
  return value === null ? [] : [value];
}

/**
 * The band of the overall score, lowered by the share at high burnout risk;
 * a good or excellent team with anyone on the burnout list (risk >= 6) is
 * "GOOD with concerns". Fewer than half the engineers with enough evidence:
 * "INSUFFICIENT DATA".
 */
export function teamHealthOf(args: {
  analysed: readonly AnalysedMember[];
  overallScore: number | null;
  engineersAtHighRisk: number;
  listedRisks: number;
}): TeamHealth {
  const { overallScore, engineersAtHighRisk, listedRisks } = args;
  const evidenced = args.analysed.filter(({ analysis }) => hasHealthEvidence(analysis)).length;
  if (overallScore === null || evidenced === 0 || evidenced / args.analysed.length < HEALTH_EVIDENCE.minShare) {
    return 'INSUFFICIENT DATA';
  }
  const highShare = engineersAtHighRisk / evidenced;
  if (highShare >= HIGH_RISK_SHARE.atRisk) return 'AT RISK';
  let health: TeamHealth = BANDS.find(({ from }) => overallScore >= from)?.health ?? 'AT RISK';
  if (highShare >= HIGH_RISK_SHARE.needsAttention && (health === 'EXCELLENT' || health === 'GOOD')) {
    health = 'NEEDS ATTENTION';
  }
  if ((health === 'EXCELLENT' || health === 'GOOD') && listedRisks > 0) return 'GOOD with concerns';
  return health;
}
