import type { MemberAnalysis } from '../analysis/member-analysis';
import { medianOf } from '../metrics/median';
import { GOOD_QUALITY } from './team-figures';

/**
 * The capacity model's constants; each is stated in the hiring
 * justification's `assumptions` and in docs/analytics.md, so whoever reads
 * the figures can disagree with a number rather than with a black box.
 */
export const CAPACITY_MODEL = {
  /** An engineer's load is judged only from this many commits in the window; below it they are counted at the usual pace. */
  minCommits: 20,
  /** "Recent pace": the median of this many latest full weeks, so one busy week moves nothing. */
  recentWeeks: 6,
  /** "Usual pace" needs at least this many full weeks before the recent ones. */
  minBaselineWeeks: 4,
  /** Below this usual weekly count one commit more or less is a large ratio: the pace ratio carries no information. */
  minUsualWeeklyCommits: 3,
  /** Share of capacity used at one's usual pace in regular hours; the rest is reviews, meetings, unplanned work. */
  normalUtilisation: 0.7,
  /** Out-of-hours share (late-night + weekend) that is normal and adds no load. */
  normalOutOfHoursShare: 0.1,
  /** The out-of-hours share is read as if this many more commits at the normal share were added: few commits say little. */
  outOfHoursPriorCommits: 20,
  /** Utilisation added per unit of out-of-hours share above the normal one. */
  outOfHoursWeight: 1,
  /** Recent pace counts up to this multiple of the usual pace. */
  maxPaceRatio: 2,
  /** Capacity of an engineer whose burnout level is high. */
  highRiskCapacity: 0.5,
  /** Hires bring the workload back to about this utilisation: the usual pace. */
  targetUtilisation: 0.7,
  /** The team can onboard one new engineer for this many experienced engineers. */
  mentorsPerNewEngineer: 3,
  hiringHorizonDays: 90,
  /** Capacity is judged only when at least this share of the analysed engineers has `minCommits`. */
  minEvidencedShare: 0.5,
  /** `high` confidence: this share of the engineers with a measured pace, and at least `engineers` of them. */
  highConfidence: { share: 0.8, engineers: 3 },
  /** `medium` confidence: this share of the engineers with a measured pace. */
  mediumConfidenceShare: 0.5,
} as const;

export type CapacityConfidence = 'high' | 'medium' | 'low' | 'insufficient_data';

export interface EngineerLoad {
  /** At least `minCommits` commits in the window: their load is evidence. */
  readonly evidenced: boolean;
  /** The weekly counts carry information: enough history and a usual week of `minUsualWeeklyCommits`. */
  readonly paceMeasured: boolean;
  /** Recent over usual weekly commits, capped; 1 when not measured. */
  readonly paceRatio: number;
  /** Late-night + weekend share, weighted by the commits it rests on. */
  readonly outOfHoursShare: number;
  /** Share of this engineer's capacity in use; may exceed 1. */
  readonly utilisation: number;
  /** 1, or `highRiskCapacity` at a high burnout level. */
  readonly capacity: number;
}

/** Full weeks only: in a window that is not whole weeks the oldest is shorter (metrics.md's weeks). */
function fullWeeksOf(analysis: MemberAnalysis): number[] {
  const weeks = analysis.weeklyCommits.map((week) => week.commits);
  return analysis.windowDays % 7 === 0 ? weeks : weeks.slice(1);
}

function paceOf(analysis: MemberAnalysis): { measured: boolean; ratio: number } {
  const model = CAPACITY_MODEL;
  const weeks = fullWeeksOf(analysis);
  const recent = weeks.slice(-model.recentWeeks);
  const baseline = weeks.slice(0, Math.max(0, weeks.length - model.recentWeeks));
  const usual = medianOf(baseline) ?? 0;
  const measured =
    recent.length === model.recentWeeks && baseline.length >= model.minBaselineWeeks && usual >= model.minUsualWeeklyCommits;
  if (!measured) return { measured, ratio: 1 };
  return { measured, ratio: Math.min(model.maxPaceRatio, (medianOf(recent) ?? 0) / usual) };
}

/** Shrunk towards the normal share: 5 commits all at night say less than 200 at 45%. */
function weightedOutOfHoursShare(analysis: MemberAnalysis): number {
  const model = CAPACITY_MODEL;
  const { totalCommits, lateNightCommitRatio, weekendCommitRatio } = analysis.metrics;
  const outOfHours = Math.min(1, lateNightCommitRatio + weekendCommitRatio) * totalCommits;
  const prior = model.outOfHoursPriorCommits;
  return (outOfHours + prior * model.normalOutOfHoursShare) / (totalCommits + prior);
}

export function engineerLoadOf(analysis: MemberAnalysis): EngineerLoad {
  const model = CAPACITY_MODEL;
  // No burnout level (too little activity for a score) is no evidence of risk: full capacity.
  const capacity = analysis.burnout.level === 'high' ? model.highRiskCapacity : 1;
  const evidenced = analysis.metrics.totalCommits >= model.minCommits;
  if (!evidenced) {
    return { evidenced, paceMeasured: false, paceRatio: 1, outOfHoursShare: model.normalOutOfHoursShare, utilisation: model.normalUtilisation, capacity };
  }
  const pace = paceOf(analysis);
  const outOfHoursShare = weightedOutOfHoursShare(analysis);
  const utilisation =
    model.normalUtilisation * pace.ratio +
    model.outOfHoursWeight * Math.max(0, outOfHoursShare - model.normalOutOfHoursShare);
  return { evidenced, paceMeasured: pace.measured, paceRatio: pace.ratio, outOfHoursShare, utilisation, capacity };
}

/** An experienced engineer free to mentor: enough evidence, code quality >= 7.0, burnout level not high. */
export function isMentor(analysis: MemberAnalysis): boolean {
  const quality = analysis.codeQuality.overallScore;
  return engineerLoadOf(analysis).evidenced && quality !== null && quality >= GOOD_QUALITY && analysis.burnout.level !== 'high';
}

export interface TeamCapacity {
  readonly analysed: number;
  /** Engineers with `minCommits` or more. */
  readonly evidenced: number;
  readonly paceMeasured: number;
  /** Engineers with enough evidence and a code-quality score: those who could show who can mentor. */
  readonly scoredEvidenced: number;
  readonly mentors: number;
  /** Σ utilisation, in engineers. */
  readonly workload: number;
  /** Σ capacity, in engineers. */
  readonly effective: number;
  readonly percent: number;
  readonly confidence: CapacityConfidence;
}

export function teamCapacityOf(analyses: readonly MemberAnalysis[]): TeamCapacity {
  const loads = analyses.map(engineerLoadOf);
  const workload = loads.reduce((sum, load) => sum + load.utilisation, 0);
  const effective = loads.reduce((sum, load) => sum + load.capacity, 0);
  const evidenced = loads.filter((load) => load.evidenced).length;
  const paceMeasured = loads.filter((load) => load.paceMeasured).length;
  const scoredEvidenced = analyses.filter(
    (analysis, index) => loads[index]?.evidenced === true && analysis.codeQuality.overallScore !== null,
  ).length;
  return {
    analysed: analyses.length,
    evidenced,
    paceMeasured,
    scoredEvidenced,
    mentors: analyses.filter(isMentor).length,
    workload,
    effective,
    percent: effective === 0 ? 0 : Math.round((100 * workload) / effective),
    confidence: confidenceOf(analyses.length, evidenced, paceMeasured),
  };
}

function confidenceOf(analysed: number, evidenced: number, paceMeasured: number): CapacityConfidence {
  const model = CAPACITY_MODEL;
  if (analysed === 0 || evidenced / analysed < model.minEvidencedShare) return 'insufficient_data';
  const measuredShare = paceMeasured / analysed;
  if (measuredShare >= model.highConfidence.share && paceMeasured >= model.highConfidence.engineers) return 'high';
  if (measuredShare >= model.mediumConfidenceShare) return 'medium';
  return 'low';
}

/** The fewest hires, at least one, that bring the workload to about the target and capacity below `belowPercent`. */
export function hiresFor(capacity: TeamCapacity, belowPercent: number): number {
  const { workload, effective } = capacity;
  let hires = Math.max(1, Math.round(workload / CAPACITY_MODEL.targetUtilisation - effective));
  while (Math.round((100 * workload) / (effective + hires)) >= belowPercent) hires++;
  return hires;
}

/** New engineers onboarded at once: one per `mentorsPerNewEngineer` mentors, rounded up; 0 without a mentor. */
export function hiresPerWaveOf(mentors: number): number {
  return Math.ceil(mentors / CAPACITY_MODEL.mentorsPerNewEngineer);
}
