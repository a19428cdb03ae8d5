import { createHash } from 'node:crypto';

/**
 * An organization's daily schedule (EventBridge Scheduler on AWS, the local
 * stack's timer in `npm start`): its name, its `cron(…)` and the time zone
 * that cron is read in. Pure, so the derivation is tested exhaustively.
 */
export interface DailySchedule {
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
}

/** EventBridge Scheduler: a schedule's name is 1–64 of these characters. */
const SCHEDULER_NAME = /^[0-9A-Za-z_.-]{1,64}$/;

const digestOf = (text: string) => createHash('sha256').update(text).digest();

/**
 * The schedule's name within its group (one group per job): the orgId itself
 * when Scheduler takes it (ours, `org_` and base64url, always are), else a
 * digest of it under a prefix no orgId of ours carries, so two never share one.
 */
export function scheduleNameOf(orgId: string): string {
  if (SCHEDULER_NAME.test(orgId) && !orgId.startsWith('h-')) return orgId;
  return `h-${digestOf(orgId).toString('hex').slice(0, 40)}`;
}

/**
 * The minute past `localHour` this organization's sync starts: spread by a
 * digest of the orgId, so the organizations of one time zone do not all
 * start their syncs, and ask GitHub, in the same minute.
 */
export const minuteOf = (orgId: string): number => digestOf(orgId).readUInt32BE(0) % 60;

/** Scheduler's six-field cron: minutes, hours, day of month, month, day of week, year; `?` as either day field is unset. */
export const dailyCron = (hour: number, minute: number): string => `cron(${minute} ${hour} * * ? *)`;

export function dailyScheduleOf(orgId: string, timezone: string, localHour: number): DailySchedule {
  return { name: scheduleNameOf(orgId), expression: dailyCron(localHour, minuteOf(orgId)), timezone };
}

/** The hour and minute of a daily cron this module writes; any other expression is refused (the local runner plays no other). */
export function parseDailyCron(expression: string): { readonly hour: number; readonly minute: number } {
  const match = /^cron\((\d{1,2}) (\d{1,2}) \* \* \? \*\)$/.exec(expression);
  const minute = Number(match?.[1]);
  const hour = Number(match?.[2]);
  if (!match || minute > 59 || hour > 23) throw new Error(`Unsupported schedule '${expression}': only a daily cron(<minute> <hour> * * ? *) is understood here`);
  return { hour, minute };
}

const MINUTE_MS = 60_000;

/** One formatter per time zone: making one costs far more than using it, and a scan formats thousands of minutes. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Whether the wall clock of `at` (epoch ms) in `timezone` reads hour:minute. */
function reads(at: number, timezone: string, hour: number, minute: number): boolean {
  const parts = formatterFor(timezone).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return part('hour') === hour && part('minute') === minute;
}

/** Clocks go back by an hour at most (30 minutes in a few zones): a reading also seen in the two hours before repeats one. */
const repeatsEarlierReading = (at: number, timezone: string, hour: number, minute: number) =>
  [30, 60, 90, 120].some((minutesBefore) => reads(at - minutesBefore * MINUTE_MS, timezone, hour, minute));

/**
 * The minutes in (after, until] at which a daily cron fires in its time
 * zone, in order. As on EventBridge Scheduler, a time a clock change skips
 * does not fire that day, and one it repeats fires once.
 * Bounded to the last 48 hours, so a long-asleep laptop fires each schedule
 * once or twice, not once per missed day.
 */
export function firingsBetween(schedule: Pick<DailySchedule, 'expression' | 'timezone'>, after: Date, until: Date): Date[] {
  const { hour, minute } = parseDailyCron(schedule.expression);
  const from = Math.max(after.getTime(), until.getTime() - 48 * 60 * MINUTE_MS);
  const firings: Date[] = [];
  for (let at = Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS; at <= until.getTime(); at += MINUTE_MS) {
    if (reads(at, schedule.timezone, hour, minute) && !repeatsEarlierReading(at, schedule.timezone, hour, minute)) firings.push(new Date(at));
  }
  return firings;
}

/** The next firing after `after`: within two days, since a daily cron fires at least once in any 48 hours. */
export function nextFiringAfter(schedule: Pick<DailySchedule, 'expression' | 'timezone'>, after: Date): Date | undefined {
  return firingsBetween(schedule, after, new Date(after.getTime() + 48 * 60 * MINUTE_MS))[0];
}
