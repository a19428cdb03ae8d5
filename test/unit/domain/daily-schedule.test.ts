import { describe, expect, it } from 'vitest';
import { dailyCron, dailyScheduleOf, firingsBetween, minuteOf, nextFiringAfter, parseDailyCron, scheduleNameOf } from '../../../src/domain/sync/daily-schedule';
import { newId } from '../../../src/domain/ids';

const SCHEDULER_NAME = /^[0-9A-Za-z_.-]{1,64}$/;
const at = (iso: string) => new Date(iso);

describe('the schedule name of an organization', () => {
  it('It should be the orgId itself for the ids signup makes', () => {
    const orgId = newId('org');
    expect(scheduleNameOf(orgId)).toBe(orgId);
  });

  it.each([
    ['too long', `org_${'x'.repeat(70)}`],
    ['a character Scheduler refuses', 'org/with slash'],
    ['the digest prefix itself', 'h-0123'],
  ])('It should turn an orgId with %s into a digest name Scheduler takes', (_, orgId) => {
    const name = scheduleNameOf(orgId);
    expect(name).toMatch(SCHEDULER_NAME);
    expect(name).toMatch(/^h-[0-9a-f]{40}$/);
    expect(scheduleNameOf(orgId)).toBe(name);
  });

  it('It should give two organizations two names', () => {
    expect(scheduleNameOf('org/a')).not.toBe(scheduleNameOf('org/b'));
  });
});

describe('the daily cron', () => {
  it('It should fire at the job’s local hour, at a minute of the organization’s own, in its time zone', () => {
    const schedule = dailyScheduleOf('org_abc', 'Europe/Berlin', 3);
    expect(schedule).toEqual({ name: 'org_abc', expression: `cron(${minuteOf('org_abc')} 3 * * ? *)`, timezone: 'Europe/Berlin' });
    expect(parseDailyCron(schedule.expression)).toEqual({ hour: 3, minute: minuteOf('org_abc') });
  });

  it('It should spread 1,000 organizations over the hour, none outside 0–59', () => {
    const minutes = Array.from({ length: 1000 }, (_, index) => minuteOf(`org_${index}`));
    expect(minutes.every((minute) => Number.isInteger(minute) && minute >= 0 && minute < 60)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const minute of minutes) perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    expect(perMinute.size).toBeGreaterThan(50);
    expect(Math.max(...perMinute.values())).toBeLessThan(40);
  });

  it.each(['rate(1 day)', 'cron(0 3 * * MON *)', 'cron(60 3 * * ? *)', 'cron(0 24 * * ? *)'])('It should refuse %s, which the local runner does not play', (expression) => {
    expect(() => parseDailyCron(expression)).toThrow('Unsupported schedule');
  });
});

describe('when a daily cron fires', () => {
  it.each([
    ['UTC', '2026-07-15T03:17:00.000Z'],
    ['Europe/Berlin in summer (UTC+2)', '2026-07-15T01:17:00.000Z'],
    ['America/New_York in summer (UTC−4)', '2026-07-15T07:17:00.000Z'],
    ['Asia/Kolkata (UTC+5:30)', '2026-07-14T21:47:00.000Z'],
  ])('It should fire at 03:17 local in %s', (label, expected) => {
    const timezone = label.split(' ')[0] ?? 'UTC';
    const firings = firingsBetween({ expression: dailyCron(3, 17), timezone }, at('2026-07-14T12:00:00Z'), at('2026-07-15T12:00:00Z'));
    expect(firings.map((firing) => firing.toISOString())).toEqual([expected]);
  });

  it('It should follow the time zone across a clock change: 03:17 Berlin is 02:17 UTC in winter, 01:17 in summer', () => {
    const schedule = { expression: dailyCron(3, 17), timezone: 'Europe/Berlin' };
    expect(nextFiringAfter(schedule, at('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T01:17:00.000Z');
    expect(nextFiringAfter(schedule, at('2026-03-27T12:00:00Z'))?.toISOString()).toBe('2026-03-28T02:17:00.000Z');
  });

  it('It should skip a day whose time the clocks jump over, as Scheduler does (02:30 New York on 8 March 2026)', () => {
    const firings = firingsBetween({ expression: dailyCron(2, 30), timezone: 'America/New_York' }, at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'));
    // 7 March at 07:30Z is before the window; 8 March has no 02:30; 9 March's is in daylight time.
    expect(firings.map((firing) => firing.toISOString())).toEqual(['2026-03-09T06:30:00.000Z']);
  });

  it('It should fire once in an hour the clocks repeat, as Scheduler does (01:30 New York on 1 November 2026)', () => {
    const firings = firingsBetween({ expression: dailyCron(1, 30), timezone: 'America/New_York' }, at('2026-11-01T00:00:00Z'), at('2026-11-01T12:00:00Z'));
    expect(firings.map((firing) => firing.toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('It should fire a minute once however the checks cut the time', () => {
    const schedule = { expression: dailyCron(3, 17), timezone: 'UTC' };
    const cuts = ['2026-07-15T03:16:00Z', '2026-07-15T03:16:59Z', '2026-07-15T03:17:00Z', '2026-07-15T03:17:30Z', '2026-07-15T03:18:00Z'].map(at);
    const firings = cuts.slice(1).flatMap((until, index) => firingsBetween(schedule, cuts[index] ?? until, until));
    expect(firings.map((firing) => firing.toISOString())).toEqual(['2026-07-15T03:17:00.000Z']);
  });

  it('It should fire a schedule at most twice after a week asleep, not once per missed day', () => {
    const firings = firingsBetween({ expression: dailyCron(3, 17), timezone: 'UTC' }, at('2026-07-01T00:00:00Z'), at('2026-07-08T12:00:00Z'));
    expect(firings.map((firing) => firing.toISOString())).toEqual(['2026-07-07T03:17:00.000Z', '2026-07-08T03:17:00.000Z']);
  });
});
