import { InvalidMetricsInputError } from './errors';
import { DAY_MS, HOUR_MS, MINUTE_MS, daysFromCivil } from './time';

/**
 * An instant's wall-clock time in one IANA zone, as epoch milliseconds read
 * as if they were UTC: `Math.floor(local / DAY_MS)` is the local date's day
 * number, the remainder the local time of day.
 */
export type LocalClock = (epochMs: number) => number;

/** A UTC-offset change inside one hour: `before` applies until `at`, `after` from `at` on. */
interface Transition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone for the process: creating one costs far more than using it. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new InvalidMetricsInputError(`Unknown time zone: ${timeZone}`, { cause });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in milliseconds at an instant, straight from Intl (slow: microseconds a call). */
export function utcOffsetViaIntl(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(whole)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const wallClock = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
  return wallClock - whole;
}

/**
 * A fast local clock for one zone. Offsets are looked up once per UTC hour
 * and reused for every instant of that hour. When the offsets at the two
 * ends of an hour differ, the transition instant inside it is found by
 * bisection to the second, so zones whose changes fall on half or quarter
 * hours (Lord Howe's 30-minute DST, Kathmandu's +05:45) or on odd seconds
 * (historic local mean time) stay exact. This assumes at most one offset
 * change per hour, which holds for every zone in the tz database.
 */
export function localClockOf(timeZone: string): LocalClock {
  const formatter = zoneFormatter(timeZone);
  if (UTC_ZONES.has(formatter.resolvedOptions().timeZone)) return (epochMs) => epochMs;

  const offsetAtHourStart = new Map<number, number>();
  const offsetAtHour = (hour: number): number => {
    let offset = offsetAtHourStart.get(hour);
    if (offset === undefined) {
      offset = utcOffsetViaIntl(formatter, hour * HOUR_MS);
      offsetAtHourStart.set(hour, offset);
    }
    return offset;
  };

  const resolveHour = (hour: number): number | Transition => {
    const before = offsetAtHour(hour);
    const after = offsetAtHour(hour + 1);
    if (before === after) return before;
    let lo = hour * 3600; // seconds; the offset is `before` at lo and not at hi
    let hi = lo + 3600;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (utcOffsetViaIntl(formatter, mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return { at: hi * 1000, before, after: utcOffsetViaIntl(formatter, hi * 1000) };
  };

  const byHour = new Map<number, number | Transition>();
  let lastHour = Number.NaN;
  let lastBucket: number | Transition = 0;
  return (epochMs) => {
    const hour = Math.floor(epochMs / HOUR_MS);
    if (hour !== lastHour) {
      let bucket = byHour.get(hour);
      if (bucket === undefined) {
        bucket = resolveHour(hour);
        byHour.set(hour, bucket);
      }
      lastHour = hour;
      lastBucket = bucket;
    }
    const bucket = lastBucket;
    if (typeof bucket === 'number') return epochMs + bucket;
    return epochMs + (epochMs < bucket.at ? bucket.before : bucket.after);
  };
}
