/** The demo dataset's seeded randomness and calendar: 80 days from 2026-09-01 (UTC). */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
export const DAY0 = Date.parse('2026-09-01T00:00:00Z');
export const DAYS = 80;
/** Nothing happens at or after this: the start of the anchor's day, well before anchor − 1 h. */
export const END = DAY0 + DAYS * DAY_MS;

// mulberry32: small, seeded, the same on every machine.
let seed = 20261120;
export function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
export const chance = (p: number) => random() < p;
export const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const dayOf = (time: number) => Math.floor((time - DAY0) / DAY_MS);
export const isWeekend = (day: number) => [0, 6].includes(new Date(DAY0 + day * DAY_MS).getUTCDay());
export const at = (day: number, minute: number) => DAY0 + day * DAY_MS + minute * MINUTE_MS + int(0, 59) * 1000;
export const ALL_DAYS = Array.from({ length: DAYS }, (_, day) => day);
export const WEEKDAYS = ALL_DAYS.filter((day) => !isWeekend(day));
export const WEEKEND_DAYS = ALL_DAYS.filter(isWeekend);

/** UTC 16:00–21:30: 08:00–13:30 in Los Angeles in winter, 09:00–14:30 in summer; daytime everywhere that matters. */
export const officeMinute = () => int(16 * 60, 21 * 60 + 29);

/** The first weekday office moment at least `delayMinutes` after `time`, a little into the window. */
export function officeAfter(time: number, delayMinutes: number): number {
  let candidate = time + delayMinutes * MINUTE_MS;
  for (;;) {
    const day = dayOf(candidate);
    const minute = (candidate - (DAY0 + day * DAY_MS)) / MINUTE_MS;
    if (!isWeekend(day) && minute >= 16 * 60 && minute < 21 * 60 + 30) return candidate;
    const nextDay = minute < 16 * 60 ? day : day + 1;
    candidate = at(nextDay, 16 * 60 + int(0, 90));
  }
}
