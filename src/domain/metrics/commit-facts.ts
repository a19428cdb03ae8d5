import type { CommitRecord } from '../activity';
import type { LocalClock } from './local-time';
import type { AnalysisWindow, LoginMatcher } from './scope';
import { isInside } from './scope';
import { DAY_MS, HOUR_MS, WEEK_MS, isoDateOfDay, parseTimestamp } from './time';
import type { DateRun, WeekActivity } from './types';

const LATE_NIGHT_FROM_MS = 22 * HOUR_MS;
const LATE_NIGHT_UNTIL_MS = 6 * HOUR_MS;
/** 1970-01-01, day 0, was a Thursday. */
const WEEKDAY_OF_DAY_ZERO = 4;
const SUNDAY = 0;
const SATURDAY = 6;
/** Local dates can be up to ~15 hours away from UTC; two days of margin each side is ample. */
const DAY_MARGIN = 2;

export interface CommitFacts {
  readonly commits: number;
  readonly lateNightCommits: number;
  readonly weekendCommits: number;
  readonly revertCommits: number;
  readonly repos: number;
  readonly activeDays: number;
  readonly longestStreak: DateRun | null;
  readonly commitsByLocalHour: readonly number[];
  readonly commitsByLocalWeekday: readonly number[];
  readonly weekly: readonly WeekActivity[];
}

/** "Revert" at the very start, any case; the first line is the only one it can be on. */
export function isRevertMessage(message: string): boolean {
  return message.length >= 6 && message.slice(0, 6).toLowerCase() === 'revert';
}

/**
 * Everything about counted commits: the person's, inside the window, not
 * merges (2+ parents), each (repo, sha) once — a commit the collector saw
 * twice (pagination shifting under it) is still one commit.
 */
export function commitFacts(
  records: readonly CommitRecord[],
  isUser: LoginMatcher,
  window: AnalysisWindow,
  localClock: LocalClock,
): CommitFacts {
  const weekCount = Math.ceil(window.days / 7);
  const weekCommits = new Int32Array(weekCount);
  const weekLateNight = new Int32Array(weekCount);
  const weekWeekend = new Int32Array(weekCount);
  const byHour = new Int32Array(24);
  const byWeekday = new Int32Array(7);
  const firstDay = Math.floor(window.start / DAY_MS) - DAY_MARGIN;
  const dayActive = new Uint8Array(window.days + 1 + 2 * DAY_MARGIN);
  const shasByRepo = new Map<string, Set<string>>();
  let commits = 0;
  let lateNightCommits = 0;
  let weekendCommits = 0;
  let revertCommits = 0;

  for (const record of records) {
    if (record.parents >= 2 || !isUser(record.authorLogin)) continue;
    const at = parseTimestamp(record.authoredAt);
    if (!isInside(window, at)) continue;
    let shas = shasByRepo.get(record.repo);
    if (shas === undefined) {
      shas = new Set();
      shasByRepo.set(record.repo, shas);
    }
    if (shas.has(record.sha)) continue;
    shas.add(record.sha);

    const local = localClock(at);
    const day = Math.floor(local / DAY_MS);
    const timeOfDay = local - day * DAY_MS;
    const weekday = (((day + WEEKDAY_OF_DAY_ZERO) % 7) + 7) % 7;
    const lateNight = timeOfDay >= LATE_NIGHT_FROM_MS || timeOfDay < LATE_NIGHT_UNTIL_MS;
    const weekend = weekday === SATURDAY || weekday === SUNDAY;
    const week = weekCount - 1 - Math.min(Math.floor((window.end - at) / WEEK_MS), weekCount - 1);

    commits++;
    increment(weekCommits, week);
    if (lateNight) {
      lateNightCommits++;
      increment(weekLateNight, week);
    }
    if (weekend) {
      weekendCommits++;
      increment(weekWeekend, week);
    }
    if (isRevertMessage(record.message)) revertCommits++;
    increment(byHour, Math.floor(timeOfDay / HOUR_MS));
    increment(byWeekday, weekday);
    dayActive[day - firstDay] = 1;
  }

  const { activeDays, longestStreak } = dayRuns(dayActive, firstDay);
  return {
    commits,
    lateNightCommits,
    weekendCommits,
    revertCommits,
    repos: shasByRepo.size,
    activeDays,
    longestStreak,
    commitsByLocalHour: Array.from(byHour),
    commitsByLocalWeekday: Array.from(byWeekday),
    weekly: weeksOf(window, weekCommits, weekLateNight, weekWeekend),
  };
}

function increment(counts: Int32Array, index: number): void {
  counts[index] = (counts[index] ?? 0) + 1;
}

function dayRuns(dayActive: Uint8Array, firstDay: number): { activeDays: number; longestStreak: DateRun | null } {
  let activeDays = 0;
  let best: { start: number; length: number } | null = null;
  let runStart = 0;
  let runLength = 0;
  for (let index = 0; index < dayActive.length; index++) {
    if (dayActive[index] === 1) {
      activeDays++;
      if (runLength === 0) runStart = index;
      runLength++;
      if (best === null || runLength > best.length) best = { start: runStart, length: runLength };
    } else {
      runLength = 0;
    }
  }
  if (best === null) return { activeDays, longestStreak: null };
  return {
    activeDays,
    longestStreak: {
      days: best.length,
      first: isoDateOfDay(firstDay + best.start),
      last: isoDateOfDay(firstDay + best.start + best.length - 1),
    },
  };
}

function weeksOf(
  window: AnalysisWindow,
  commits: Int32Array,
  lateNight: Int32Array,
  weekend: Int32Array,
): WeekActivity[] {
  const weekCount = commits.length;
  const weeks: WeekActivity[] = [];
  for (let week = 0; week < weekCount; week++) {
    const weeksBeforeEnd = weekCount - 1 - week;
    const end = window.end - weeksBeforeEnd * WEEK_MS;
    const start = Math.max(window.start, end - WEEK_MS);
    weeks.push({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      days: Math.round((end - start) / DAY_MS),
      commits: commits[week] ?? 0,
      lateNightCommits: lateNight[week] ?? 0,
      weekendCommits: weekend[week] ?? 0,
    });
  }
  return weeks;
}
