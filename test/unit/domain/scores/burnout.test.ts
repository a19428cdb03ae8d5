import { describe, expect, it } from 'vitest';
import type { ActivityFacts, WeekActivity } from '../../../../src/domain/metrics';
import { scoreBurnout } from '../../../../src/domain/scores';
import { NO_TREND, facts, randomInt, seeded, totalsOf, weeks } from './facts';

/** Random weeks, each week's late-night and weekend commits drawn within its commits. */
function randomWeeks(random: () => number, maxPerWeek: number): WeekActivity[] {
  return weeks(
    Array.from({ length: 13 }, () => {
      const commits = randomInt(random, 0, maxPerWeek);
      return {
        commits,
        lateNightCommits: randomInt(random, 0, commits),
        weekendCommits: randomInt(random, 0, commits),
      };
    }),
  );
}

function factsOfWeeks(weekly: WeekActivity[], streakDays: number): ActivityFacts {
  return facts({ ...totalsOf(weekly), weekly, streakDays });
}

/** The risk score; -1 when there is none, so comparisons hold for the few random profiles under 5 commits. */
function riskOf(input: ActivityFacts): number {
  return scoreBurnout(input).riskScore ?? -1;
}

function withWeek(weekly: readonly WeekActivity[], index: number, change: Partial<WeekActivity>): WeekActivity[] {
  return weekly.map((week, i) => (i === index ? { ...week, ...change } : week));
}

/** A rising late-night share: 20% of the first four weeks' commits, 60% of the last four. */
const risingLateNight = weeks([
  ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 2 })),
  ...Array.from({ length: 5 }, () => ({ commits: 10, lateNightCommits: 4 })),
  ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 6 })),
]);

describe('burnout risk', () => {
  it.each<[string, 'low' | 'medium' | 'high', ActivityFacts]>([
    ['daytime weekday work', 'low', facts({ commits: 200, lateNightCommits: 6, weekendCommits: 4, streakDays: 5 })],
    ['a fifth of commits late at night', 'low', facts({ commits: 200, lateNightCommits: 40, weekendCommits: 10, streakDays: 6 })],
    ['regular late nights and weekends', 'medium', facts({ commits: 200, lateNightCommits: 50, weekendCommits: 40, streakDays: 9 })],
    ['a 23-day streak in regular hours', 'medium', facts({ commits: 120, lateNightCommits: 5, weekendCommits: 10, streakDays: 23 })],
    ['a 23-day streak with late nights and weekends', 'high', facts({ commits: 120, lateNightCommits: 20, weekendCommits: 30, streakDays: 23 })],
    ['45% late-night commits', 'high', facts({ commits: 300, lateNightCommits: 135, weekendCommits: 60, streakDays: 12 })],
    ['exactly 40% late-night over exactly 20 commits', 'high', facts({ commits: 20, lateNightCommits: 8 })],
  ])('rates %s as %s', (_profile, level, input) => {
    expect(scoreBurnout(input).level).toBe(level);
  });

  it('gives exactly 7.0 for 40% late-night over 20 commits and nothing else', () => {
    expect(scoreBurnout(facts({ commits: 20, lateNightCommits: 8 })).riskScore).toBe(7);
  });

  it('gives no score, no level and no patterns without commits, and says why', () => {
    expect(scoreBurnout(facts())).toMatchObject({
      riskScore: null,
      level: null,
      confidence: 'insufficient_data',
      evidence: 'No commits in 90 days: too little to judge working hours',
      patterns: [],
    });
  });

  it('gives no score for four late-night commits: too few to say anything about working hours', () => {
    expect(scoreBurnout(facts({ commits: 4, lateNightCommits: 4 }))).toMatchObject({ riskScore: null, confidence: 'insufficient_data' });
  });

  it.each([
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
  ])('maps a score of %s to %s', async (score, level) => {
    const { burnoutLevelOf } = await import('../../../../src/domain/scores');
    expect(burnoutLevelOf(score)).toBe(level);
  });

  it('weighs share points by the commits below 20, so five late-night commits are not a crisis, and says so', () => {
    const result = scoreBurnout(facts({ commits: 5, lateNightCommits: 5 }));
    expect(result).toMatchObject({ level: 'low', confidence: 'low' });
    expect(result.evidence).toBe(
      'Rests on 5 commits on 5 active days in 90 days; late-night and weekend shares count at 25%, as they count fully from 20 commits',
    );
  });
});

describe('burnout patterns', () => {
  it('lists the patterns strongest first, the late-night share leading when it drives the score', () => {
    const result = scoreBurnout(facts({ commits: 300, lateNightCommits: 135, weekendCommits: 90, streakDays: 23 }));
    expect(result.patterns).toEqual(['45% late-night commits', '23-day streak without a day off', '30% weekend commits']);
  });

  it.each([
    [89, 200, '45% late-night commits'],
    [90, 200, '45% late-night commits'],
    [908, 2000, '45% late-night commits'],
    [91, 200, '46% late-night commits'],
  ])('rounds %i late-night commits of %i to %j', (lateNight, commits, pattern) => {
    expect(scoreBurnout(facts({ commits, lateNightCommits: lateNight })).patterns).toContain(pattern);
  });

  it('describes a rising late-night trend with both figures', () => {
    const result = scoreBurnout(factsOfWeeks(risingLateNight, 5));
    expect(result.patterns).toContain('Late-night work rising: 20% → 60% over the window');
  });

  it('describes rising commit volume', () => {
    const weekly = weeks([
      ...Array.from({ length: 4 }, () => ({ commits: 10 })),
      ...Array.from({ length: 5 }, () => ({ commits: 20 })),
      ...Array.from({ length: 4 }, () => ({ commits: 30 })),
    ]);
    const result = scoreBurnout(factsOfWeeks(weekly, 5));
    expect(result.patterns).toContain('Commit volume rising: 10 → 30 commits a week over the window');
  });

  it('says nothing of a falling late-night share', () => {
    const result = scoreBurnout(factsOfWeeks([...risingLateNight].reverse(), 5));
    expect(result.patterns.some((pattern) => pattern.startsWith('Late-night work rising'))).toBe(false);
  });

  it('lists the signals with the points each added', () => {
    const result = scoreBurnout(facts({ commits: 100, lateNightCommits: 20, weekendCommits: 20, streakDays: 11 }));
    expect(result.signals.map((signal) => signal.name)).toEqual([
      'lateNightShare',
      'weekendShare',
      'longestStreakDays',
      'lateNightRise',
      'commitVolumeRatio',
    ]);
    expect(result.signals[0]).toEqual({ name: 'lateNightShare', value: 0.2, contribution: 3.5 });
    expect(result.signals[1]).toEqual({ name: 'weekendShare', value: 0.2, contribution: 1.5 });
    expect(result.signals[2]).toEqual({ name: 'longestStreakDays', value: 11, contribution: 1 });
    const total = result.signals.reduce((sum, signal) => sum + signal.contribution, 0);
    expect(result.riskScore).toBeCloseTo(total, 1);
  });
});

describe('burnout properties (seeded random profiles)', () => {
  const RUNS = 2000;

  it('always gives a 0..10 score with 1 decimal, a matching level, and a pattern when not low', () => {
    const random = seeded(1);
    for (let run = 0; run < RUNS; run++) {
      const input = factsOfWeeks(randomWeeks(random, 40), randomInt(random, 0, 40));
      const result = scoreBurnout(input);
      if (result.riskScore === null) {
        expect(input.commits).toBeLessThan(5);
        continue;
      }
      expect(result.riskScore).toBeGreaterThanOrEqual(0);
      expect(result.riskScore).toBeLessThanOrEqual(10);
      expect(Math.round(result.riskScore * 10) / 10).toBe(result.riskScore);
      const expectedLevel = result.riskScore >= 7 ? 'high' : result.riskScore >= 4 ? 'medium' : 'low';
      expect(result.level).toBe(expectedLevel);
      if (result.level !== 'low') expect(result.patterns.length).toBeGreaterThan(0);
    }
  });

  it('is high whenever at least 40% of at least 20 commits are late-night', () => {
    const random = seeded(2);
    for (let run = 0; run < RUNS; run++) {
      const weekly = weeks(
        Array.from({ length: 13 }, () => {
          const commits = randomInt(random, 0, 30);
          return { commits, lateNightCommits: Math.ceil(commits * 0.4) + randomInt(random, 0, Math.floor(commits * 0.6)) };
        }),
      );
      const input = factsOfWeeks(weekly, randomInt(random, 0, 30));
      if (input.commits < 20) continue;
      expect(input.lateNightCommits / input.commits).toBeGreaterThanOrEqual(0.4);
      expect(scoreBurnout(input)).toMatchObject({ level: 'high' });
    }
  });

  it('is low whenever late-night and weekend commits are at most 5% and no streak exceeds 10 days', () => {
    const random = seeded(3);
    for (let run = 0; run < RUNS; run++) {
      // Worst cases for the trends: volume surges and the few late-night commits crowd into the last weeks.
      const counts = Array.from({ length: 13 }, (_, index) => randomInt(random, 0, index < 4 ? 10 : 80));
      const total = counts.reduce((sum, count) => sum + count, 0);
      let lateNightLeft = Math.floor(total * 0.05);
      let weekendLeft = Math.floor(total * 0.05);
      const weekly = weeks(
        counts
          .map((commits) => ({ commits, lateNightCommits: 0, weekendCommits: 0 }))
          .reverse()
          .map((week) => {
            const lateNightCommits = Math.min(week.commits, lateNightLeft);
            const weekendCommits = Math.min(week.commits, weekendLeft);
            lateNightLeft -= lateNightCommits;
            weekendLeft -= weekendCommits;
            return { ...week, lateNightCommits, weekendCommits };
          })
          .reverse(),
      );
      expect(scoreBurnout(factsOfWeeks(weekly, randomInt(random, 0, 10))).level).toBe('low');
    }
  });

  it.each<[string, number, (weekly: WeekActivity[], random: () => number) => WeekActivity[] | null]>([
    [
      'a daytime commit of the latest week becomes late-night',
      4,
      (weekly) => {
        const last = weekly[12] as WeekActivity;
        return last.lateNightCommits === last.commits ? null : withWeek(weekly, 12, { lateNightCommits: last.lateNightCommits + 1 });
      },
    ],
    [
      'a weekday commit becomes a weekend commit',
      5,
      (weekly, random) => {
        const index = randomInt(random, 0, 12);
        const week = weekly[index] as WeekActivity;
        return week.weekendCommits === week.commits ? null : withWeek(weekly, index, { weekendCommits: week.weekendCommits + 1 });
      },
    ],
  ])('never lowers the score when %s', (_change, seed, change) => {
    const random = seeded(seed);
    for (let run = 0; run < RUNS; run++) {
      const weekly = randomWeeks(random, 30);
      const changed = change(weekly, random);
      if (changed === null) continue;
      const streak = randomInt(random, 0, 30);
      expect(riskOf(factsOfWeeks(changed, streak))).toBeGreaterThanOrEqual(riskOf(factsOfWeeks(weekly, streak)));
    }
  });

  it('never lowers the score when a late-night commit moves from an early week to the latest week', () => {
    const random = seeded(8);
    for (let run = 0; run < RUNS; run++) {
      const weekly = randomWeeks(random, 30);
      const from = randomInt(random, 0, 3);
      const early = weekly[from] as WeekActivity;
      const last = weekly[12] as WeekActivity;
      if (early.lateNightCommits === 0 || last.lateNightCommits === last.commits) continue;
      const moved = withWeek(withWeek(weekly, from, { lateNightCommits: early.lateNightCommits - 1 }), 12, {
        lateNightCommits: last.lateNightCommits + 1,
      });
      const before = riskOf(factsOfWeeks(weekly, 5));
      expect(riskOf(factsOfWeeks(moved, 5))).toBeGreaterThanOrEqual(before);
    }
  });

  it('scores a rising late-night share above the same totals spread evenly', () => {
    const rising = scoreBurnout(factsOfWeeks(risingLateNight, 5));
    const flat = scoreBurnout(facts({ ...totalsOf(risingLateNight), streakDays: 5 }));
    expect(rising.riskScore).toBeGreaterThan(flat.riskScore ?? 10);
  });

  it('never lowers the score when the longest streak grows', () => {
    const random = seeded(6);
    for (let run = 0; run < RUNS; run++) {
      const weekly = randomWeeks(random, 30);
      const streak = randomInt(random, 0, 40);
      const before = riskOf(factsOfWeeks(weekly, streak));
      expect(riskOf(factsOfWeeks(weekly, streak + randomInt(random, 1, 5)))).toBeGreaterThanOrEqual(before);
    }
  });

  it('gives the same answer for the same facts', () => {
    const input = factsOfWeeks(randomWeeks(seeded(7), 30), 14);
    expect(scoreBurnout(input)).toEqual(scoreBurnout(structuredClone(input)));
  });
});

describe('burnout monotonicity (table)', () => {
  it.each([
    ['late-night commits out of 100', (n: number) => facts({ commits: 100, lateNightCommits: n, weekly: NO_TREND })],
    ['weekend commits out of 100', (n: number) => facts({ commits: 100, weekendCommits: n, weekly: NO_TREND })],
    ['streak days', (n: number) => facts({ commits: 100, streakDays: n, weekly: NO_TREND })],
  ])('never falls as %s go from 0 to 100, everything else fixed', (_what, profile) => {
    const scores = Array.from({ length: 101 }, (_, n) => riskOf(profile(n)));
    scores.slice(1).forEach((score, i) => expect(score).toBeGreaterThanOrEqual(scores[i] as number));
    expect(scores[100]).toBeGreaterThan(scores[0] as number);
  });
});
