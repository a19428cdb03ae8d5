import { describe, expect, it } from 'vitest';
import { InvalidMetricsInputError } from '../../../src/domain/metrics';
import { localClockOf } from '../../../src/domain/metrics/local-time';
import { seeded } from '../../support/seeded-random';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The slow, obviously right reading: Intl per timestamp. */
function wallClockViaIntl(timeZone: string, epochMs: number): string {
  const parts = formatterOf(timeZone).formatToParts(epochMs);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('weekday')}`;
}

/** The same reading from the fast clock. */
function wallClockViaFastPath(clock: (ms: number) => number, epochMs: number): string {
  const local = clock(Math.floor(epochMs / 1000) * 1000);
  const day = Math.floor(local / DAY_MS);
  const weekday = WEEKDAYS[(((day + 4) % 7) + 7) % 7];
  return `${new Date(local).toISOString().slice(0, 19).replace('T', ' ')} ${weekday}`;
}

/** Zones with unusual offsets or rules: half and quarter hours, 30-minute DST, skipped days, historic odd seconds. */
const TRICKY_ZONES = [
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Antarctica/Troll',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'America/Caracas',
  'Africa/Monrovia',
  'Etc/GMT+12',
  'UTC',
];

/** Instants where the zone's offset changes during [from, to), found by daily steps and bisection on Intl. */
function transitionsOf(timeZone: string, from: number, to: number): number[] {
  const offsetAt = (ms: number) => {
    const [date = '', time = ''] = wallClockViaIntl(timeZone, ms).split(' ');
    return Date.parse(`${date}T${time}Z`) - ms;
  };
  const found: number[] = [];
  let before = offsetAt(from);
  for (let start = from; start < to; start += DAY_MS) {
    let lo = start;
    let hi = start + DAY_MS;
    const after = offsetAt(hi);
    if (after === before) continue;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    before = after;
  }
  return found;
}

describe('local clock', () => {
  it.each([
    ['America/Los_Angeles', '2026-03-08T09:59:59Z', '2026-03-08 01:59:59 Sun'],
    ['America/Los_Angeles', '2026-03-08T10:00:00Z', '2026-03-08 03:00:00 Sun'],
    ['America/Los_Angeles', '2026-11-01T08:30:00Z', '2026-11-01 01:30:00 Sun'],
    ['America/Los_Angeles', '2026-11-01T09:30:00Z', '2026-11-01 01:30:00 Sun'],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', '2026-03-29 01:59:59 Sun'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-29 03:00:00 Sun'],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', '2026-10-25 02:59:59 Sun'],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', '2026-10-25 02:00:00 Sun'],
    ['Asia/Kolkata', '2026-03-18T16:30:00Z', '2026-03-18 22:00:00 Wed'],
    ['Asia/Kathmandu', '2026-03-18T16:15:00Z', '2026-03-18 22:00:00 Wed'],
    ['Australia/Lord_Howe', '2026-04-04T14:59:59Z', '2026-04-05 01:59:59 Sun'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', '2026-04-05 01:30:00 Sun'],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', '2026-10-04 01:59:59 Sun'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '2026-10-04 02:30:00 Sun'],
    ['Pacific/Chatham', '2026-04-04T13:59:59Z', '2026-04-05 03:44:59 Sun'],
    ['Pacific/Chatham', '2026-04-04T14:00:00Z', '2026-04-05 02:45:00 Sun'],
  ])('reads %s at %s as %s', (zone, instant, expected) => {
    expect(wallClockViaFastPath(localClockOf(zone), Date.parse(instant))).toBe(expected);
  });

  it('agrees with Intl for random instants from 1965 to 2040 in every zone Intl knows', () => {
    const random = seeded(7);
    const from = Date.UTC(1965, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    const mismatches: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const clock = localClockOf(zone);
      for (let i = 0; i < 100; i++) {
        const instant = from + Math.floor(random() * (to - from));
        const fast = wallClockViaFastPath(clock, instant);
        const slow = wallClockViaIntl(zone, instant);
        if (fast !== slow) mismatches.push(`${zone} ${new Date(instant).toISOString()}: ${fast} vs ${slow}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(TRICKY_ZONES)('agrees with Intl around every offset change of %s from 1970 to 2030', (zone) => {
    const random = seeded(zone.length);
    const clock = localClockOf(zone);
    const instants: number[] = [];
    for (let i = 0; i < 200; i++) instants.push(Date.UTC(1970, 0, 1) + Math.floor(random() * 60 * 365.25 * DAY_MS));
    for (const at of transitionsOf(zone, Date.UTC(1970, 0, 1), Date.UTC(2030, 0, 1))) {
      instants.push(at - 1000, at, at + 1000);
      for (let i = 0; i < 4; i++) instants.push(at + Math.floor((random() - 0.5) * 4 * 3_600_000));
    }
    const mismatches = instants
      .map((instant) => [instant, wallClockViaFastPath(clock, instant), wallClockViaIntl(zone, instant)] as const)
      .filter(([, fast, slow]) => fast !== slow)
      .map(([instant, fast, slow]) => `${new Date(instant).toISOString()}: ${fast} vs ${slow}`);
    expect(mismatches).toEqual([]);
  });

  it('finds offset changes the way the checks above rely on (Los Angeles, 2026)', () => {
    expect(transitionsOf('America/Los_Angeles', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      Date.parse('2026-03-08T10:00:00Z'),
      Date.parse('2026-11-01T09:00:00Z'),
    ]);
  });

  it('agrees with Intl for instants visited in any order, each hour bucket cached once', () => {
    const random = seeded(99);
    const clock = localClockOf('Australia/Lord_Howe');
    const start = Date.UTC(2026, 9, 3, 14);
    for (let i = 0; i < 2000; i++) {
      const instant = start + Math.floor(random() * 3 * 3_600_000);
      expect(wallClockViaFastPath(clock, instant)).toBe(wallClockViaIntl('Australia/Lord_Howe', instant));
    }
  });

  it.each(['Mars/Olympus_Mons', '', 'Not a zone'])('refuses the unknown time zone %j', (zone) => {
    expect(() => localClockOf(zone)).toThrow(InvalidMetricsInputError);
  });
});
