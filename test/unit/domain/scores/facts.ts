import type { ActivityFacts, WeekActivity } from '../../../../src/domain/metrics';
export { seeded } from '../../../support/seeded-random';

const WINDOW_DAYS = 90;
const WEEK_COUNT = 13;
const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');

export interface WeekCounts {
  readonly commits: number;
  readonly lateNightCommits?: number;
  readonly weekendCommits?: number;
}

/** A 90-day window's 13 weeks (oldest first, 6 days long) with these counts. */
export function weeks(counts: readonly WeekCounts[]): WeekActivity[] {
  if (counts.length !== WEEK_COUNT) throw new RangeError(`need ${WEEK_COUNT} weeks`);
  return counts.map((count, index) => {
    const end = NOW - (WEEK_COUNT - 1 - index) * 7 * DAY_MS;
    const start = Math.max(NOW - WINDOW_DAYS * DAY_MS, end - 7 * DAY_MS);
    return {
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      days: Math.round((end - start) / DAY_MS),
      commits: count.commits,
      lateNightCommits: count.lateNightCommits ?? 0,
      weekendCommits: count.weekendCommits ?? 0,
    };
  });
}

/**
 * Spreads a total over the weeks as evenly as whole numbers allow; the
 * remainder goes to the middle weeks first, which no trend compares.
 */
function spread(total: number): number[] {
  const base = Math.floor(total / WEEK_COUNT);
  const extra = total - base * WEEK_COUNT;
  const counts = Array.from({ length: WEEK_COUNT }, () => base);
  for (let i = 0; i < extra; i++) {
    const index = (4 + i) % WEEK_COUNT;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Weeks with the totals spread evenly: no trend. */
export function evenWeeks(commits: number, lateNightCommits = 0, weekendCommits = 0): WeekActivity[] {
  const all = spread(commits);
  const lateNight = spread(lateNightCommits);
  const weekend = spread(weekendCommits);
  return weeks(all.map((count, i) => ({ commits: count, lateNightCommits: lateNight[i], weekendCommits: weekend[i] })));
}

/** Facts with everything empty unless given; `weekly` defaults to the totals spread evenly. */
export function facts(overrides: Partial<ActivityFacts> & { streakDays?: number } = {}): ActivityFacts {
  const { streakDays, ...rest } = overrides;
  const commits = rest.commits ?? 0;
  const lateNightCommits = rest.lateNightCommits ?? 0;
  const weekendCommits = rest.weekendCommits ?? 0;
  const streak = streakDays ?? (commits > 0 ? 1 : 0);
  return {
    windowDays: WINDOW_DAYS,
    timezone: 'UTC',
    commits,
    lateNightCommits,
    weekendCommits,
    revertCommits: 0,
    repos: commits > 0 ? 1 : 0,
    activeDays: Math.min(commits, WINDOW_DAYS),
    longestStreak: streak === 0 ? null : { days: streak, first: '2026-02-01', last: '2026-02-01' },
    pullRequests: 0,
    mergedPullRequests: 0,
    approvedMergedPullRequests: 0,
    largePullRequests: 0,
    medianPrSize: null,
    medianPrCycleTimeHours: null,
    issues: 0,
    reviewsGiven: 0,
    commitsByLocalHour: Array.from({ length: 24 }, () => 0),
    commitsByLocalWeekday: Array.from({ length: 7 }, () => 0),
    weekly: evenWeeks(commits, lateNightCommits, weekendCommits),
    ...rest,
  };
}

/** Weeks too thin for any trend: only the totals speak. */
export const NO_TREND = weeks(Array.from({ length: 13 }, () => ({ commits: 0 })));

/** Totals of a weekly series, for facts that must agree with it. */
export function totalsOf(weekly: readonly WeekActivity[]): Pick<ActivityFacts, 'commits' | 'lateNightCommits' | 'weekendCommits'> {
  return {
    commits: weekly.reduce((sum, week) => sum + week.commits, 0),
    lateNightCommits: weekly.reduce((sum, week) => sum + week.lateNightCommits, 0),
    weekendCommits: weekly.reduce((sum, week) => sum + week.weekendCommits, 0),
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
