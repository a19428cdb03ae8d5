import { describe, expect, it } from 'vitest';
import { DAY_MS, commit, commitsAt, metricsFor } from './fixtures';

/** Metrics of commits at these instants, analysed in a zone with a clock after all of them. */
function inZone(timezone: string, instants: string[], now = '2026-12-01T00:00:00Z') {
  return metricsFor({ commits: commitsAt(...instants) }, { timezone, now: new Date(now), windowDays: 365 });
}

describe('late-night commits', () => {
  it.each([
    ['UTC', '2026-03-18T21:59:59Z', '21:59:59', false],
    ['UTC', '2026-03-18T22:00:00Z', '22:00', true],
    ['UTC', '2026-03-18T23:59:59Z', '23:59:59', true],
    ['UTC', '2026-03-18T00:00:00Z', '00:00', true],
    ['UTC', '2026-03-18T05:59:59Z', '05:59:59', true],
    ['UTC', '2026-03-18T06:00:00Z', '06:00', false],
    ['America/Los_Angeles', '2026-03-19T04:59:00Z', '21:59 PDT', false],
    ['America/Los_Angeles', '2026-03-19T05:00:00Z', '22:00 PDT', true],
    ['America/Los_Angeles', '2026-01-15T13:59:00Z', '05:59 PST', true],
    ['America/Los_Angeles', '2026-01-15T14:00:00Z', '06:00 PST', false],
    ['Asia/Kolkata', '2026-03-18T16:29:00Z', '21:59 IST', false],
    ['Asia/Kolkata', '2026-03-18T16:30:00Z', '22:00 IST', true],
    ['Asia/Kathmandu', '2026-03-18T16:14:00Z', '21:59 NPT', false],
    ['Asia/Kathmandu', '2026-03-18T16:15:00Z', '22:00 NPT', true],
    ['Asia/Kathmandu', '2026-03-19T00:14:00Z', '05:59 NPT', true],
    ['Asia/Kathmandu', '2026-03-19T00:15:00Z', '06:00 NPT', false],
  ])('in %s counts %s (%s local) as late-night: %s', (zone, instant, _local, lateNight) => {
    expect(inZone(zone, [instant]).metrics.lateNightCommitRatio).toBe(lateNight ? 1 : 0);
  });

  it('counts a commit at 21:59 local as daytime and 22:00 as late-night', () => {
    const result = inZone('America/Los_Angeles', ['2026-03-19T04:59:00Z', '2026-03-19T05:00:00Z']);
    expect(result.facts.lateNightCommits).toBe(1);
    expect(result.metrics.lateNightCommitRatio).toBe(0.5);
  });

  it.each([
    ['2026-03-08T09:59:00Z', '01:59 PST, before the spring-forward gap', true],
    ['2026-03-08T10:00:00Z', '03:00 PDT, right after it', true],
    ['2026-03-08T12:59:00Z', '05:59 PDT', true],
    ['2026-03-08T13:00:00Z', '06:00 PDT (it would be 05:00 without DST)', false],
    ['2026-11-01T08:30:00Z', 'the first 01:30 (PDT)', true],
    ['2026-11-01T09:30:00Z', 'the second 01:30 (PST)', true],
    ['2026-11-01T13:59:00Z', '05:59 PST', true],
    ['2026-11-01T14:00:00Z', '06:00 PST (it would be 07:00 without the change)', false],
  ])('on the Los Angeles DST days reads %s (%s) as late-night: %s', (instant, _local, lateNight) => {
    expect(inZone('America/Los_Angeles', [instant]).facts.lateNightCommits).toBe(lateNight ? 1 : 0);
  });

  it.each([
    ['2026-03-29T03:59:00Z', '05:59 CEST', true],
    ['2026-03-29T04:00:00Z', '06:00 CEST', false],
    ['2026-03-29T19:59:00Z', '21:59 CEST', false],
    ['2026-03-29T20:00:00Z', '22:00 CEST', true],
    ['2026-10-25T04:59:00Z', '05:59 CET', true],
    ['2026-10-25T05:00:00Z', '06:00 CET', false],
    ['2026-10-25T20:59:00Z', '21:59 CET', false],
    ['2026-10-25T21:00:00Z', '22:00 CET', true],
  ])('on the Berlin DST days reads %s (%s) as late-night: %s', (instant, _local, lateNight) => {
    expect(inZone('Europe/Berlin', [instant]).facts.lateNightCommits).toBe(lateNight ? 1 : 0);
  });

  it.each([
    ['2026-04-04T19:29:00Z', '05:59 (+10:30) just after DST ends', true],
    ['2026-04-04T19:30:00Z', '06:00 (+10:30)', false],
    ['2026-10-03T18:59:00Z', '05:59 (+11) just after DST starts at 02:00 → 02:30', true],
    ['2026-10-03T19:00:00Z', '06:00 (+11)', false],
  ])('on the Lord Howe half-hour DST days reads %s (%s) as late-night: %s', (instant, _local, lateNight) => {
    expect(inZone('Australia/Lord_Howe', [instant]).facts.lateNightCommits).toBe(lateNight ? 1 : 0);
  });

  it('is 0 when there are no commits', () => {
    expect(metricsFor({}).metrics.lateNightCommitRatio).toBe(0);
  });
});

describe('weekend commits', () => {
  it.each([
    ['America/Los_Angeles', '2026-03-21T06:30:00Z', 'Friday 23:30 local, Saturday in UTC', false],
    ['America/Los_Angeles', '2026-03-21T07:00:00Z', 'Saturday 00:00 local', true],
    ['America/Los_Angeles', '2026-03-23T06:59:00Z', 'Sunday 23:59 local, Monday in UTC', true],
    ['America/Los_Angeles', '2026-03-23T07:00:00Z', 'Monday 00:00 local', false],
    ['Asia/Tokyo', '2026-03-13T23:00:00Z', 'Saturday 08:00 local, Friday in UTC', true],
    ['Asia/Kathmandu', '2026-03-15T18:14:00Z', 'Sunday 23:59 local', true],
    ['Asia/Kathmandu', '2026-03-15T18:15:00Z', 'Monday 00:00 local', false],
    ['UTC', '2026-03-14T12:00:00Z', 'Saturday', true],
    ['UTC', '2026-03-16T12:00:00Z', 'Monday', false],
  ])('in %s counts %s (%s) as weekend: %s', (zone, instant, _local, weekend) => {
    expect(inZone(zone, [instant]).metrics.weekendCommitRatio).toBe(weekend ? 1 : 0);
  });

  it('gives the share of counted commits on a local weekend', () => {
    const result = inZone('UTC', ['2026-03-14T12:00:00Z', '2026-03-16T12:00:00Z', '2026-03-17T12:00:00Z']);
    expect(result.metrics.weekendCommitRatio).toBe(0.33);
  });
});

describe('active days and streaks', () => {
  it('counts distinct local dates, not UTC dates', () => {
    const instants = ['2026-03-18T06:59:00Z', '2026-03-18T07:01:00Z']; // 23:59 and 00:01 in Los Angeles
    expect(inZone('America/Los_Angeles', instants).metrics).toMatchObject({ activeDays: 2, longestStreakDays: 2 });
    expect(inZone('UTC', instants).metrics).toMatchObject({ activeDays: 1, longestStreakDays: 1 });
  });

  it('counts several commits on one date once', () => {
    const result = inZone('UTC', ['2026-03-18T08:00:00Z', '2026-03-18T12:00:00Z', '2026-03-18T23:59:59Z']);
    expect(result.metrics).toMatchObject({ activeDays: 1, longestStreakDays: 1 });
  });

  it('finds the longest run of consecutive dates', () => {
    const days = [1, 2, 3, 5, 6, 8, 9, 10, 11, 20];
    const result = inZone(
      'UTC',
      days.map((day) => `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`),
    );
    expect(result.metrics).toMatchObject({ activeDays: 10, longestStreakDays: 4 });
    expect(result.facts.longestStreak).toEqual({ days: 4, first: '2026-03-08', last: '2026-03-11' });
  });

  it('reports the earliest of equally long streaks', () => {
    const result = inZone('UTC', ['2026-03-01T12:00:00Z', '2026-03-02T12:00:00Z', '2026-03-10T12:00:00Z', '2026-03-11T12:00:00Z']);
    expect(result.facts.longestStreak).toEqual({ days: 2, first: '2026-03-01', last: '2026-03-02' });
  });

  it('is 0 with no commits', () => {
    expect(metricsFor({}).metrics).toMatchObject({ activeDays: 0, longestStreakDays: 0 });
    expect(metricsFor({}).facts.longestStreak).toBeNull();
  });

  it('treats the 23-hour day 2026-03-08 in Los Angeles as one date', () => {
    // 23:30 PST on March 7 and 24 hours later, 00:30 PDT on March 9: March 8 lies between.
    const result = inZone('America/Los_Angeles', ['2026-03-08T07:30:00Z', '2026-03-09T07:30:00Z']);
    expect(result.metrics).toMatchObject({ activeDays: 2, longestStreakDays: 1 });
  });

  it('keeps a streak across the 23-hour day', () => {
    const noon = ['2026-03-07T20:00:00Z', '2026-03-08T19:00:00Z', '2026-03-09T19:00:00Z'];
    expect(inZone('America/Los_Angeles', noon).metrics).toMatchObject({ activeDays: 3, longestStreakDays: 3 });
  });

  it('treats the 25-hour day 2026-11-01 in Los Angeles as one date', () => {
    // 00:30 PDT and 23:30 PST on November 1, 25 hours apart.
    const result = inZone('America/Los_Angeles', ['2026-11-01T07:30:00Z', '2026-11-02T07:30:00Z']);
    expect(result.metrics).toMatchObject({ activeDays: 1, longestStreakDays: 1 });
  });

  it('reads local dates across both Berlin DST days', () => {
    const instants = ['2026-03-28T22:30:00Z', '2026-03-29T22:30:00Z', '2026-10-24T21:30:00Z', '2026-10-25T22:30:00Z'];
    // 23:30 CET on Mar 28, 00:30 CEST on Mar 30; 23:30 CEST on Oct 24, 23:30 CET on Oct 25.
    const result = inZone('Europe/Berlin', instants);
    expect(result.metrics).toMatchObject({ activeDays: 4, longestStreakDays: 2 });
    expect(result.facts.longestStreak).toMatchObject({ first: '2026-10-24', last: '2026-10-25' });
  });
});

describe('weekly series', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const at = (msBeforeNow: number) => new Date(now.getTime() - msBeforeNow).toISOString();

  it('splits a 90-day window into 13 weeks ending now, the oldest 6 days long', () => {
    const { weekly } = metricsFor({}, { now }).facts;
    expect(weekly).toHaveLength(13);
    expect(weekly[0]).toMatchObject({ start: '2025-12-20T12:00:00.000Z', end: '2025-12-26T12:00:00.000Z', days: 6 });
    expect(weekly[12]).toMatchObject({ start: '2026-03-13T12:00:00.000Z', end: '2026-03-20T12:00:00.000Z', days: 7 });
    expect(weekly.reduce((sum, week) => sum + week.days, 0)).toBe(90);
  });

  it('puts each commit in the week that ends after it', () => {
    const commits = [
      commit({ authoredAt: at(0) }),
      commit({ authoredAt: at(7 * DAY_MS - 1) }),
      commit({ authoredAt: at(7 * DAY_MS) }),
      commit({ authoredAt: at(90 * DAY_MS) }),
    ];
    const counts = metricsFor({ commits }, { now }).facts.weekly.map((week) => week.commits);
    expect(counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('counts late-night and weekend commits per week', () => {
    const commits = commitsAt('2026-03-14T23:00:00Z', '2026-03-16T12:00:00Z', '2026-03-04T02:00:00Z');
    const { weekly } = metricsFor({ commits }, { now }).facts;
    expect(weekly[12]).toMatchObject({ commits: 2, lateNightCommits: 1, weekendCommits: 1 });
    expect(weekly[10]).toMatchObject({ commits: 1, lateNightCommits: 1, weekendCommits: 0 });
  });

  it('has whole weeks when the window is a multiple of 7 days', () => {
    const { weekly } = metricsFor({}, { now, windowDays: 28 }).facts;
    expect(weekly.map((week) => week.days)).toEqual([7, 7, 7, 7]);
  });
});

describe('commits by local hour and weekday', () => {
  it('counts commits per local hour and weekday', () => {
    const result = inZone('Asia/Kolkata', ['2026-03-18T03:30:00Z', '2026-03-18T03:59:00Z', '2026-03-18T04:30:00Z']);
    expect(result.facts.commitsByLocalHour[9]).toBe(2);
    expect(result.facts.commitsByLocalHour[10]).toBe(1);
    expect(result.facts.commitsByLocalWeekday).toEqual([0, 0, 0, 3, 0, 0, 0]);
  });
});
