import type { MemberAnalysis } from '../analysis/member-analysis';
import { round2 } from '../scores/scale';
import type { TeamAnalysis } from './types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Scores at or above this are "7.0 or above" in findings; also the bar for a mentor. */
export const GOOD_QUALITY = 7;
/** Below this an engineer "would benefit from mentoring". */
export const LOW_QUALITY = 6;
/** Review coverage a team should reach (the same bar as each member's own notes). */
export const HEALTHY_REVIEW_COVERAGE = 0.8;
/** Pull requests above this many changed lines are hard to review well (as in the member notes). */
export const REVIEWABLE_PR_LINES = 400;
/** burnoutRisks lists members at or above this risk (the contract). */
export const LISTED_RISK = 6;
/** The pattern of a listed burnout risk whose score builds from several small signals, none notable alone. */
export const NO_SINGLE_PATTERN = 'No single pattern stands out: the risk builds from several working-hour signals';
/** The burnout level "high" starts here (metrics.md). */
export const HIGH_RISK = 7;

export interface AnalysedMember {
  readonly name: string;
  readonly githubUsername: string;
  readonly analysis: MemberAnalysis;
}

/** An analysis whose code quality could be scored. */
export type RatedAnalysis = MemberAnalysis & {
  readonly codeQuality: MemberAnalysis['codeQuality'] & { readonly overallScore: number };
};

/**
 * An engineer whose code quality has a score. Without enough evidence it is
 * null (`insufficient_data`), and such an engineer is left out of the team's
 * quality figures, top and support picks rather than counted as anything.
 */
export function isRated(analysis: MemberAnalysis): analysis is RatedAnalysis {
  return analysis.codeQuality.overallScore !== null;
}

export interface RatedMember extends AnalysedMember {
  readonly analysis: RatedAnalysis;
}

export function ratedMembersOf(members: readonly AnalysedMember[]): RatedMember[] {
  return members.filter((member): member is RatedMember => isRated(member.analysis));
}

/**
 * Aggregate figures behind the sentences, none of them about one person.
 * Not part of `types.ts`: returned next to the team analysis (as
 * `teamFacts`) so the executive report can state them.
 */
export interface TeamFacts {
  /** Analysed engineers with a code-quality score. */
  readonly ratedEngineers: number;
  readonly engineersAtOrAbove7: number;
  readonly engineersBelow6: number;
  readonly lowestCodeQuality: number | null;
  readonly highestCodeQuality: number | null;
  readonly mergedPullRequests: number;
  /** Σ round(reviewCoverage × mergedPRs): exact below 100 merges per engineer, the ratios being 2-decimal. */
  readonly approvedMergedPullRequests: number;
  /** approved / merged over the team, 2 decimals; null when nothing was merged. */
  readonly reviewCoverage: number | null;
  /** Engineers whose median pull request changes more than REVIEWABLE_PR_LINES lines. */
  readonly engineersWithLargePullRequests: number;
  /** Shares of all the team's counted commits, 2 decimals. */
  readonly lateNightShare: number;
  readonly weekendShare: number;
  readonly revertShare: number;
  readonly capacity: CapacityFacts;
}

/** The capacity model's intermediate figures (see hiring.ts). */
export interface CapacityFacts {
  /** Σ each analysed engineer's utilisation, in engineers. */
  readonly workloadEngineers: number;
  /** Analysed engineers, those at high burnout risk counted at half. */
  readonly effectiveEngineers: number;
  /** Capacity in use after the suggested hires, percent. */
  readonly projectedCapacityPercent: number;
  /** Experienced engineers free to mentor: code quality >= 7.0 and not at high burnout risk. */
  readonly mentors: number;
  readonly absorbableHires: { readonly min: number; readonly max: number };
}

export function qualityFactsOf(members: readonly AnalysedMember[]): Omit<TeamFacts, 'capacity'> {
  const rated = ratedMembersOf(members);
  const scores = rated.map(({ analysis }) => analysis.codeQuality.overallScore);
  let merged = 0;
  let approved = 0;
  let commits = 0;
  let lateNight = 0;
  let weekend = 0;
  let reverts = 0;
  for (const { analysis } of members) {
    const { metrics } = analysis;
    merged += metrics.mergedPRs;
    approved += Math.round((metrics.reviewCoverage ?? 0) * metrics.mergedPRs);
    commits += metrics.totalCommits;
    lateNight += metrics.lateNightCommitRatio * metrics.totalCommits;
    weekend += metrics.weekendCommitRatio * metrics.totalCommits;
    reverts += metrics.revertCommitRatio * metrics.totalCommits;
  }
  const shareOfCommits = (part: number) => (commits === 0 ? 0 : round2(part / commits));
  return {
    ratedEngineers: rated.length,
    engineersAtOrAbove7: scores.filter((value) => value >= GOOD_QUALITY).length,
    engineersBelow6: scores.filter((value) => value < LOW_QUALITY).length,
    lowestCodeQuality: scores.length === 0 ? null : Math.min(...scores),
    highestCodeQuality: scores.length === 0 ? null : Math.max(...scores),
    mergedPullRequests: merged,
    approvedMergedPullRequests: approved,
    reviewCoverage: merged === 0 ? null : round2(approved / merged),
    engineersWithLargePullRequests: rated.filter(
      ({ analysis }) => (analysis.metrics.medianPrSize ?? 0) > REVIEWABLE_PR_LINES,
    ).length,
    lateNightShare: shareOfCommits(lateNight),
    weekendShare: shareOfCommits(weekend),
    revertShare: shareOfCommits(reverts),
  };
}

const BANDS = [
  { band: '0-2', from: 0, to: 2 },
  { band: '2-4', from: 2, to: 4 },
  { band: '4-6', from: 4, to: 6 },
  { band: '6-8', from: 6, to: 8 },
  { band: '8-10', from: 8, to: Number.POSITIVE_INFINITY },
] as const;

/** Rated engineers (with a code-quality score) per band [0,2), [2,4), [4,6), [6,8), [8,10]. */
export function qualityDistributionOf(
  members: readonly AnalysedMember[],
): TeamAnalysis['charts']['codeQualityDistribution'] {
  const scores = ratedMembersOf(members).map(({ analysis }) => analysis.codeQuality.overallScore);
  return BANDS.map(({ band, from, to }) => ({
    band,
    engineers: scores.filter((value) => value >= from && value < to).length,
  }));
}

/** Engineers per burnout level; those without a burnout score are at no level. */
export function burnoutLevelsOf(members: readonly AnalysedMember[]): TeamAnalysis['charts']['burnoutLevels'] {
  const levels = { low: 0, medium: 0, high: 0 };
  for (const { analysis } of members) if (analysis.burnout.level !== null) levels[analysis.burnout.level]++;
  return levels;
}

/**
 * The team's weeks, counted back from `now` like each member's (the oldest
 * may be shorter), with every member's weekly commits added in. A member's
 * week goes to the team week whose end is nearest its own end, so analyses
 * cached a few days before `now` still line up; weeks that fall outside the
 * window are left out. With analyses ending at `now`, the weeks add up to the
 * members' total commits.
 */
export function commitsPerWeekOf(
  members: readonly AnalysedMember[],
  now: Date,
  windowDays: number,
): TeamAnalysis['charts']['commitsPerWeek'] {
  const end = now.getTime();
  const windowStart = end - windowDays * DAY_MS;
  const weekCount = Math.ceil(windowDays / 7);
  const commits = new Array<number>(weekCount).fill(0);
  for (const { analysis } of members) {
    const weeks = analysis.weeklyCommits;
    weeks.forEach((week, index) => {
      const next = weeks[index + 1];
      const weekEnd = Date.parse(next === undefined ? analysis.period.to : next.weekStart);
      const team = weekCount - 1 - Math.round((end - weekEnd) / WEEK_MS);
      if (Number.isFinite(team) && team >= 0 && team < weekCount) commits[team] = (commits[team] ?? 0) + week.commits;
    });
  }
  return commits.map((total, index) => {
    const weekEnd = end - (weekCount - 1 - index) * WEEK_MS;
    const weekStart = Math.max(windowStart, weekEnd - WEEK_MS);
    // Weeks end at `now`, so the latest is a whole 7 days; only the oldest can be cut by the window's start.
    const days = Math.round((weekEnd - weekStart) / DAY_MS);
    return { weekStart: new Date(weekStart).toISOString(), commits: total, days, partial: days < 7 };
  });
}
