import type { ActivityFacts } from '../metrics';
import { percent, plural } from './scale';
import { lateNightTrend } from './trend';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Fewer commits than this and "your busiest hours" would be noise. */
const MIN_HABIT_COMMITS = 10;
const PEAK_HOURS = 3;
/** Fewer commits than this and a share is not worth a sentence. */
const MIN_SHARE_COMMITS = 5;

function clock(hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`;
}

/** The 3-hour span (wrapping past midnight) with the most commits; the earliest of equals. */
function peakHours(byHour: readonly number[]): { from: number; commits: number } {
  let best = { from: 0, commits: -1 };
  for (let from = 0; from < 24; from++) {
    let commits = 0;
    for (let offset = 0; offset < PEAK_HOURS; offset++) commits += byHour[(from + offset) % 24] ?? 0;
    if (commits > best.commits) best = { from, commits };
  }
  return best;
}

function busiestWeekday(byWeekday: readonly number[]): { day: number; commits: number } {
  let best = { day: 0, commits: -1 };
  byWeekday.forEach((commits, day) => {
    if (commits > best.commits) best = { day, commits };
  });
  return best;
}

function habitNotes(facts: ActivityFacts): string[] {
  const { commits } = facts;
  if (commits < MIN_HABIT_COMMITS) return [];
  const peak = peakHours(facts.commitsByLocalHour);
  const weekday = busiestWeekday(facts.commitsByLocalWeekday);
  const span = `${clock(peak.from)} and ${clock(peak.from + PEAK_HOURS)}`;
  return [
    `You commit most between ${span} local time (${percent(peak.commits, commits)}% of your commits)`,
    `${WEEKDAYS[weekday.day] ?? 'Monday'} is your busiest day (${percent(weekday.commits, commits)}% of your commits)`,
  ];
}

function streakNotes(facts: ActivityFacts): string[] {
  const streak = facts.longestStreak;
  if (streak === null || streak.days < 3) return [];
  const dates = `from ${streak.first} to ${streak.last}`;
  if (streak.days > 10) return [`Plan a day off: your longest run was ${streak.days} days in a row with commits, ${dates}`];
  return [`Your longest streak was ${streak.days} days in a row, ${dates}`];
}

function suggestions(facts: ActivityFacts): string[] {
  const { commits } = facts;
  const notes: string[] = [];
  const lateNight = percent(facts.lateNightCommits, commits);
  const weekend = percent(facts.weekendCommits, commits);
  if (commits >= MIN_SHARE_COMMITS && lateNight >= 15) {
    notes.push(`${lateNight}% of your commits were made between 22:00 and 06:00: try moving focused work earlier in the day`);
  }
  const trend = lateNightTrend(facts.weekly);
  if (trend !== null && trend.rise >= 0.15) {
    const from = Math.round(trend.earlyShare * 100);
    const to = Math.round(trend.lateShare * 100);
    notes.push(`Your late-night share went from ${from}% to ${to}% over the window: worth a look at your workload`);
  }
  if (commits >= MIN_SHARE_COMMITS && weekend >= 15) {
    notes.push(`${weekend}% of your commits were on weekends: days off help you come back sharper`);
  }
  if (facts.medianPrSize !== null && facts.medianPrSize > 400) {
    const median = plural(Math.round(facts.medianPrSize), 'changed line');
    notes.push(`Smaller pull requests get reviewed faster: yours have a median of ${median}`);
  }
  const sustainable = lateNight < 10 && weekend < 10 && (facts.longestStreak?.days ?? 0) <= 10;
  if (commits >= MIN_HABIT_COMMITS && sustainable) {
    notes.push('Your working hours look sustainable: keep protecting your evenings and weekends');
  }
  return notes;
}

/**
 * Sentences for the owner of an analysis only (they mention working hours):
 * when they work most, their streaks, and suggestions drawn from the same
 * figures as the scores.
 */
export function personalInsights(facts: ActivityFacts): string[] {
  if (facts.commits === 0) {
    return [`No commits in the last ${facts.windowDays} days to learn your working patterns from`];
  }
  return [...habitNotes(facts), ...streakNotes(facts), ...suggestions(facts)];
}
