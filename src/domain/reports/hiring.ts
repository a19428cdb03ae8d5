import type { MemberAnalysis } from '../analysis/member-analysis';
import { round1, round2 } from '../scores/scale';
import { CAPACITY_MODEL, hiresPerWaveOf, teamCapacityOf, type TeamCapacity } from './capacity-model';
import { count, integer } from './format';
import {
  adviceOf,
  currentCapacityOf,
  evidenceOf,
  growthPotentialOf,
  NEAR_LIMIT,
  recommendationOf,
} from './hiring-advice';
import { GOOD_QUALITY, HIGH_RISK, type AnalysedMember, type CapacityFacts } from './team-figures';
import type { HiringJustification } from './types';

export { CAPACITY_MODEL, engineerLoadOf, type EngineerLoad } from './capacity-model';
export { capacityLabelOf, NEAR_LIMIT } from './hiring-advice';

/** Whether the hiring model judged capacity at all: on sparse evidence it gives no percent to repeat, only what is missing. */
export const capacityJudged = (hiring: Pick<HiringJustification, 'confidence'>): boolean => hiring.confidence !== 'insufficient_data';

export interface HiringInput {
  readonly analysed: readonly AnalysedMember[];
  readonly windowDays: number;
  readonly pendingEngineers: number;
  readonly engineersAtHighRisk: number;
  readonly engineersAtMediumRisk: number;
}

/**
 * Capacity, burnout load and hires, from the analysed engineers' own history
 * (docs/analytics.md, "Capacity model"):
 *
 *   utilisation_i = 0.7 × min(2, recent_i / usual_i) + 1 × max(0, outOfHours_i − 0.10)
 *   capacity_i    = 0.5 at a high burnout level, else 1
 *   capacity %    = 100 × Σ utilisation_i / Σ capacity_i
 *
 * judged only when at least half the engineers have 20 or more commits;
 * hires only from 80%, the fewest that bring it back to about 70% and below 80%.
 */
export function hiringJustificationOf(input: HiringInput): { justification: HiringJustification; capacity: CapacityFacts } {
  const analyses: MemberAnalysis[] = input.analysed.map(({ analysis }) => analysis);
  const team = teamCapacityOf(analyses);
  const advice = adviceOf(team, input.windowDays);
  const suggestedHires = advice.kind === 'hire' ? advice.hires : 0;
  const projected = advice.kind === 'hire' ? advice.projected : team.percent;
  const perWave = hiresPerWaveOf(team.mentors);

  const justification: HiringJustification = {
    currentCapacity: currentCapacityOf(advice),
    burnoutRisk:
      input.engineersAtHighRisk + input.engineersAtMediumRisk === 0
        ? 'No engineer at high or medium risk'
        : `${count(input.engineersAtHighRisk, 'engineer')} at high risk, ${integer(input.engineersAtMediumRisk)} at medium risk`,
    growthPotential: growthPotentialOf(team),
    recommendation: recommendationOf(advice, input.engineersAtHighRisk),
    assumptions: assumptionsOf(input.pendingEngineers),
    confidence: team.confidence,
    basis: basisOf(team, input.windowDays),
    evidence: evidenceOf(team, input.windowDays),
    figures: {
      capacityPercent: team.percent,
      engineersAtHighRisk: input.engineersAtHighRisk,
      engineersAtMediumRisk: input.engineersAtMediumRisk,
      suggestedHires,
    },
  };
  return {
    justification,
    capacity: {
      workloadEngineers: round2(team.workload),
      effectiveEngineers: round1(team.effective),
      projectedCapacityPercent: projected,
      mentors: team.mentors,
      absorbableHires: { min: perWave, max: perWave },
    },
  };
}

function basisOf(team: TeamCapacity, windowDays: number): HiringJustification['basis'] {
  return {
    analysedEngineers: team.analysed,
    engineersWithEnoughCommits: team.evidenced,
    engineersWithMeasuredPace: team.paceMeasured,
    minCommits: CAPACITY_MODEL.minCommits,
    windowDays,
  };
}

function assumptionsOf(pendingEngineers: number): string[] {
  const model = CAPACITY_MODEL;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const assumptions = [
    "Capacity compares the analysed engineers' workload with what they can sustain; commits measure pace, not the size or value of the work",
    `Capacity is judged only when at least ${percent(model.minEvidencedShare)} of the analysed engineers have ${model.minCommits} or more commits in the window; otherwise it says "not enough data" and gives no hiring advice`,
    `An engineer with fewer than ${model.minCommits} commits in the window is counted at their usual pace in regular hours: too few commits to show their load`,
    `An engineer at their usual pace in regular hours uses ${percent(model.normalUtilisation)} of their capacity; the rest goes to reviews, meetings and unplanned work`,
    `Usual pace is an engineer's median weekly commits over the full weeks before the last ${model.recentWeeks}; recent pace is the median of those last ${model.recentWeeks} weeks, so it rises only when at least half of them are busier than usual (one busy week moves nothing), counted up to ${model.maxPaceRatio}× the usual pace`,
    `Pace is compared only over ${model.minBaselineWeeks} or more earlier full weeks with a usual week of ${model.minUsualWeeklyCommits} or more commits; otherwise the engineer is counted at their usual pace`,
    `Late-night plus weekend commits beyond ${percent(model.normalOutOfHoursShare)} of an engineer's commits are work their regular week could not hold; each point of that share adds a point of utilisation. The share is read as if ${model.outOfHoursPriorCommits} more commits at ${percent(model.normalOutOfHoursShare)} were added, so it counts fully only over many commits`,
    `An engineer whose burnout level is high (${HIGH_RISK.toFixed(1)} or above) is counted at ${percent(model.highRiskCapacity)} capacity; one without a burnout score at full capacity`,
    `Hiring is advised from ${NEAR_LIMIT}% capacity: the fewest hires that bring the workload back to about ${percent(model.targetUtilisation)} of capacity and below ${NEAR_LIMIT}%, each new engineer counted at full capacity`,
    `The team can onboard one new engineer per ${model.mentorsPerNewEngineer} experienced engineers (${model.minCommits} or more commits, code quality ${GOOD_QUALITY.toFixed(1)} or above, burnout not high); with none, the first hire is a senior engineer`,
    `Confidence is high when at least ${percent(model.highConfidence.share)} of the engineers (and ${model.highConfidence.engineers} or more) have a measured pace, medium from ${percent(model.mediumConfidenceShare)}, low below that`,
  ];
  if (pendingEngineers > 0) {
    assumptions.push(
      `${count(pendingEngineers, 'engineer')} whose analysis is pending ${pendingEngineers === 1 ? 'is' : 'are'} left out: their workload and capacity are not known yet`,
    );
  }
  return assumptions;
}
