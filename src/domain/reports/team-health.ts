import { clamp, round1 } from '../scores/scale';
import { ratedMembersOf, type AnalysedMember } from './team-figures';

/**
 * overallScore = 0.6 × average code quality + 0.4 × (10 − average burnout risk),
 * both over rated engineers (with a code-quality score): how well the team
 * builds, and how sustainably. Quality weighs more because it is what the
 * team delivers; burnout still moves a whole band (a team at risk 8 loses 3.2).
 */
export const OVERALL_WEIGHTS = { codeQuality: 0.6, wellbeing: 0.4 } as const;

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

export function overallScoreOf(analysed: readonly AnalysedMember[]): number | null {
  const rated = ratedMembersOf(analysed);
  if (rated.length === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const quality = mean(rated.map(({ analysis }) => analysis.codeQuality.overallScore));
  // Only burnout scores that exist: a rated engineer with too few commits for one counts in the quality part alone.
  const risks = rated.flatMap(({ analysis }) => (analysis.burnout.riskScore === null ? [] : [analysis.burnout.riskScore]));
  if (risks.length === 0) return round1(clamp(quality, 0, 10));
  const burnout = mean(risks);
  return round1(clamp(OVERALL_WEIGHTS.codeQuality * quality + OVERALL_WEIGHTS.wellbeing * (10 - burnout), 0, 10));
}

/**
 * The band of the overall score, lowered by the share at high burnout risk;
 * a good or excellent team with anyone on the burnout list (risk >= 6) is
 * "GOOD with concerns". No rated engineer: "INSUFFICIENT DATA".
 */
export function teamHealthOf(args: {
  overallScore: number | null;
  ratedEngineers: number;
  engineersAtHighRisk: number;
  listedRisks: number;
}): TeamHealth {
  const { overallScore, ratedEngineers, engineersAtHighRisk, listedRisks } = args;
  if (overallScore === null || ratedEngineers === 0) return 'INSUFFICIENT DATA';
  const highShare = engineersAtHighRisk / ratedEngineers;
  if (highShare >= HIGH_RISK_SHARE.atRisk) return 'AT RISK';
  let health: TeamHealth = BANDS.find(({ from }) => overallScore >= from)?.health ?? 'AT RISK';
  if (highShare >= HIGH_RISK_SHARE.needsAttention && (health === 'EXCELLENT' || health === 'GOOD')) {
    health = 'NEEDS ATTENTION';
  }
  if ((health === 'EXCELLENT' || health === 'GOOD') && listedRisks > 0) return 'GOOD with concerns';
  return health;
}

