import type { WeekActivity } from '../metrics';

/** Commits of a stretch of the window. */
export interface Stretch {
  readonly days: number;
  readonly commits: number;
  readonly lateNightCommits: number;
}

/** Fewer commits than this in a stretch and its share says nothing. */
export const MIN_TREND_COMMITS = 5;

function stretchOf(weeks: readonly WeekActivity[]): Stretch {
  let days = 0;
  let commits = 0;
  let lateNightCommits = 0;
  for (const week of weeks) {
    days += week.days;
    commits += week.commits;
    lateNightCommits += week.lateNightCommits;
  }
  return { days, commits, lateNightCommits };
}

/**
 * The first and last third of the window (whole weeks, the middle third
 * left out) to compare; null when the window has fewer than three weeks.
 */
export function earlyAndLate(weekly: readonly WeekActivity[]): { early: Stretch; late: Stretch } | null {
  const third = Math.floor(weekly.length / 3);
  if (third < 1) return null;
  return { early: stretchOf(weekly.slice(0, third)), late: stretchOf(weekly.slice(weekly.length - third)) };
}

export interface LateNightTrend {
  readonly earlyShare: number;
  readonly lateShare: number;
  /** lateShare − earlyShare; negative when late-night work fell. */
  readonly rise: number;
}

export function lateNightTrend(weekly: readonly WeekActivity[]): LateNightTrend | null {
  const stretches = earlyAndLate(weekly);
  if (stretches === null) return null;
  const { early, late } = stretches;
  if (early.commits < MIN_TREND_COMMITS || late.commits < MIN_TREND_COMMITS) return null;
  const earlyShare = early.lateNightCommits / early.commits;
  const lateShare = late.lateNightCommits / late.commits;
  return { earlyShare, lateShare, rise: lateShare - earlyShare };
}

export interface VolumeTrend {
  readonly earlyPerWeek: number;
  readonly latePerWeek: number;
  /** latePerWeek / earlyPerWeek. */
  readonly ratio: number;
}

/** Null without enough commits at both ends (a newcomer ramping up is not a rising workload). */
export function commitVolumeTrend(weekly: readonly WeekActivity[]): VolumeTrend | null {
  const stretches = earlyAndLate(weekly);
  if (stretches === null) return null;
  const { early, late } = stretches;
  if (early.commits < MIN_TREND_COMMITS || late.commits < MIN_TREND_COMMITS) return null;
  const earlyPerWeek = (early.commits * 7) / early.days;
  const latePerWeek = (late.commits * 7) / late.days;
  return { earlyPerWeek, latePerWeek, ratio: latePerWeek / earlyPerWeek };
}
