import type { MemberAnalysis } from '../analysis/member-analysis';
import { medianOf } from '../metrics/median';
import { round1, round2 } from '../scores/scale';
import { count, integer } from './format';
import { GOOD_QUALITY, HIGH_RISK, isRated, type AnalysedMember, type CapacityFacts } from './team-figures';
import type { HiringJustification } from './types';

/**
 * The capacity model's constants; each is stated in the hiring
 * justification's `assumptions`, so whoever reads the figures can disagree
 * with a number rather than with a black box.
 */
export const CAPACITY_MODEL = {
  /** "Recent pace": the average of this many latest full weeks. */
  recentWeeks: 4,
  /** A usual pace needs at least this many full weeks of history. */
  minHistoryWeeks: 8,
  /** Share of capacity used at one's usual pace in regular hours; the rest is reviews, meetings, unplanned work. */
  normalUtilisation: 0.7,
  /** Out-of-hours share (late-night + weekend) that is normal and adds no load. */
  normalOutOfHoursShare: 0.1,
  /** Utilisation added per unit of out-of-hours share above the normal one. */
  outOfHoursWeight: 1,
  /** Recent pace counts up to this multiple of the usual pace. */
  maxPaceRatio: 2,
  /** Capacity of an engineer at high burnout risk. */
  highRiskCapacity: 0.5,
  /** Hires bring the workload back to this utilisation: the usual pace. */
  targetUtilisation: 0.7,
  /** The team can onboard one new engineer for this many experienced engineers. */
  mentorsPerNewEngineer: 3,
  hiringHorizonDays: 90,
} as const;

/** Capacity in use from which the team has little slack left. */
export const NEAR_LIMIT = 80;

/** Capacity labels, from the top: at or above `from` percent. */
const CAPACITY_LABELS = [
  { from: 100, label: 'over capacity' },
  { from: NEAR_LIMIT, label: 'near limit' },
  { from: 60, label: 'healthy' },
  { from: 0, label: 'spare capacity' },
] as const;

export function capacityLabelOf(percent: number): string {
  return CAPACITY_LABELS.find(({ from }) => percent >= from)?.label ?? 'spare capacity';
}

export interface EngineerLoad {
  /** Recent weekly commits over the usual (median) weekly commits, capped. */
  readonly paceRatio: number;
  /** Late-night share + weekend share, up to 1. */
  readonly outOfHoursShare: number;
  /** Share of this engineer's capacity in use; may exceed 1. */
  readonly utilisation: number;
  /** 1, or `highRiskCapacity` at high burnout risk. */
  readonly capacity: number;
}

/** Full weeks only: in a window that is not whole weeks the oldest is shorter (metrics.md's weeks). */
function fullWeeksOf(analysis: MemberAnalysis): number[] {
  const weeks = analysis.weeklyCommits.map((week) => week.commits);
  return analysis.windowDays % 7 === 0 ? weeks : weeks.slice(1);
}

export function engineerLoadOf(analysis: MemberAnalysis): EngineerLoad {
  const model = CAPACITY_MODEL;
  const weeks = fullWeeksOf(analysis);
  const usual = weeks.length >= model.minHistoryWeeks ? (medianOf(weeks) ?? 0) : 0;
  const recent = weeks.slice(-model.recentWeeks);
  const recentMean = recent.reduce((sum, commits) => sum + commits, 0) / Math.max(1, recent.length);
  // No usual pace to compare with (short history, or a median week without commits): usual pace assumed.
  const paceRatio = usual > 0 ? Math.min(model.maxPaceRatio, recentMean / usual) : 1;
  const { lateNightCommitRatio, weekendCommitRatio } = analysis.metrics;
  const outOfHoursShare = Math.min(1, lateNightCommitRatio + weekendCommitRatio);
  const utilisation =
    model.normalUtilisation * paceRatio +
    model.outOfHoursWeight * Math.max(0, outOfHoursShare - model.normalOutOfHoursShare);
  const capacity = analysis.burnout.level === 'high' ? model.highRiskCapacity : 1;
  return { paceRatio: round2(paceRatio), outOfHoursShare: round2(outOfHoursShare), utilisation, capacity };
}

export interface HiringInput {
  readonly analysed: readonly AnalysedMember[];
  readonly pendingEngineers: number;
  readonly engineersAtHighRisk: number;
  readonly engineersAtMediumRisk: number;
}

/**
 * Capacity, burnout load and hires, from the analysed engineers' own history:
 *
 *   utilisation_i = 0.7 × min(2, recent_i / usual_i) + 1 × max(0, lateNight_i + weekend_i − 0.10)
 *   capacity_i    = 0.5 at high burnout risk, else 1
 *   capacity %    = 100 × Σ utilisation_i / Σ capacity_i
 *   hires         = max(0, round(Σ utilisation_i / 0.7 − Σ capacity_i))
 *
 * where recent is the mean of the last 4 full weeks' commits and usual the
 * median of all full weeks'. Pending engineers are in neither sum.
 */
export function hiringJustificationOf(input: HiringInput): { justification: HiringJustification; capacity: CapacityFacts } {
  const model = CAPACITY_MODEL;
  const loads = input.analysed.map(({ analysis }) => engineerLoadOf(analysis));
  const workload = loads.reduce((sum, load) => sum + load.utilisation, 0);
  const effective = loads.reduce((sum, load) => sum + load.capacity, 0);
  const capacityPercent = effective === 0 ? 0 : Math.round((100 * workload) / effective);
  const suggestedHires = effective === 0 ? 0 : Math.max(0, Math.round(workload / model.targetUtilisation - effective));
  const projected = effective === 0 ? 0 : Math.round((100 * workload) / (effective + suggestedHires));
  const mentors = input.analysed.filter(
    ({ analysis }) =>
      isRated(analysis) && analysis.codeQuality.overallScore >= GOOD_QUALITY && analysis.burnout.level !== 'high',
  ).length;
  const absorbable = {
    min: Math.floor(mentors / model.mentorsPerNewEngineer),
    max: Math.ceil(mentors / model.mentorsPerNewEngineer),
  };
  const analysedCount = input.analysed.length;
  const figures = {
    capacityPercent,
    engineersAtHighRisk: input.engineersAtHighRisk,
    engineersAtMediumRisk: input.engineersAtMediumRisk,
    suggestedHires,
  };

  const justification: HiringJustification = {
    currentCapacity:
      analysedCount === 0 ? 'Unknown: no engineer analysed yet' : `${capacityPercent}% (${capacityLabelOf(capacityPercent)})`,
    burnoutRisk:
      input.engineersAtHighRisk + input.engineersAtMediumRisk === 0
        ? 'No engineer at high or medium risk'
        : `${count(input.engineersAtHighRisk, 'engineer')} at high risk, ${integer(input.engineersAtMediumRisk)} at medium risk`,
    growthPotential: growthPotentialOf(absorbable),
    recommendation: recommendationOf({ analysedCount, capacityPercent, suggestedHires, projected, absorbable, ...input }),
    assumptions: assumptionsOf(input.pendingEngineers),
    figures,
  };
  return {
    justification,
    capacity: {
      workloadEngineers: round2(workload),
      effectiveEngineers: round1(effective),
      projectedCapacityPercent: projected,
      mentors,
      absorbableHires: absorbable,
    },
  };
}

function growthPotentialOf({ min, max }: { min: number; max: number }): string {
  if (max === 0) return 'Cannot absorb new engineers yet: no experienced engineer is free to mentor them';
  if (min === 0) return 'Can absorb 1 more engineer at most';
  if (min === max) return `Can absorb ${count(min, 'more engineer')}`;
  return `Can absorb ${min}–${max} more engineers`;
}

function recommendationOf(args: {
  analysedCount: number;
  capacityPercent: number;
  suggestedHires: number;
  projected: number;
  absorbable: { min: number; max: number };
  engineersAtHighRisk: number;
}): string {
  const { suggestedHires, capacityPercent, engineersAtHighRisk } = args;
  if (args.analysedCount === 0) return 'No recommendation until engineers are analysed';
  if (suggestedHires > 0) {
    const hire = `Hire ${count(suggestedHires, 'engineer')} within ${CAPACITY_MODEL.hiringHorizonDays} days, bringing capacity from ${capacityPercent}% to ${args.projected}%`;
    const perWave = Math.max(1, args.absorbable.max);
    return suggestedHires > perWave ? `${hire}; onboard them in waves of ${perWave} so each has a mentor` : hire;
  }
  const relieve =
    engineersAtHighRisk > 0 ? `; move work away from the ${count(engineersAtHighRisk, 'engineer')} at high burnout risk` : '';
  if (capacityPercent >= NEAR_LIMIT) {
    return `No full extra engineer justified yet at ${capacityPercent}% capacity: rebalance work and measure again next month${relieve}`;
  }
  return `No hire needed now (capacity ${capacityPercent}%, target ${Math.round(CAPACITY_MODEL.targetUtilisation * 100)}%)${relieve}`;
}

function assumptionsOf(pendingEngineers: number): string[] {
  const model = CAPACITY_MODEL;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const assumptions = [
    "Capacity compares the analysed engineers' workload with what they can sustain; commits measure pace, not the size or value of the work",
    `An engineer at their usual pace in regular hours uses ${percent(model.normalUtilisation)} of their capacity; the rest goes to reviews, meetings and unplanned work`,
    `Usual pace is an engineer's own median weekly commits over the full weeks of the window; recent pace is their average over the last ${model.recentWeeks} weeks, counted up to ${model.maxPaceRatio}× the usual pace`,
    `Engineers with fewer than ${model.minHistoryWeeks} full weeks of history, or a median week without commits, are counted at their usual pace`,
    `Late-night plus weekend commits beyond ${percent(model.normalOutOfHoursShare)} of an engineer's commits are work their regular week could not hold; each point of that share adds a point of utilisation`,
    `An engineer at high burnout risk (${HIGH_RISK.toFixed(1)} or above) is counted at ${percent(model.highRiskCapacity)} capacity`,
    `Suggested hires bring the workload back to ${percent(model.targetUtilisation)} of capacity, rounded to the nearest whole engineer, each new engineer counted at full capacity`,
    `The team can onboard one new engineer per ${model.mentorsPerNewEngineer} experienced engineers (code quality ${GOOD_QUALITY.toFixed(1)} or above, not at high burnout risk)`,
  ];
  if (pendingEngineers > 0) {
    assumptions.push(
      `${count(pendingEngineers, 'engineer')} whose analysis is pending ${pendingEngineers === 1 ? 'is' : 'are'} left out: their workload and capacity are not known yet`,
    );
  }
  return assumptions;
}
