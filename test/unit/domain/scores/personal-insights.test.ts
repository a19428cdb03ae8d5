import { describe, expect, it } from 'vitest';
import { personalInsights } from '../../../../src/domain/scores';
import { facts, weeks } from './facts';

function byHour(counts: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, hour) => counts[hour] ?? 0);
}

describe('personal insights', () => {
  it('says there is nothing to learn from without commits', () => {
    expect(personalInsights(facts())).toEqual(['No commits in the last 90 days to learn your working patterns from']);
  });

  it('names the busiest 3-hour span and weekday', () => {
    const insights = personalInsights(
      facts({
        commits: 50,
        commitsByLocalHour: byHour({ 9: 5, 14: 10, 15: 15, 16: 10, 20: 10 }),
        commitsByLocalWeekday: [0, 10, 20, 10, 5, 5, 0],
      }),
    );
    expect(insights).toContain('You commit most between 14:00 and 17:00 local time (70% of your commits)');
    expect(insights).toContain('Tuesday is your busiest day (40% of your commits)');
  });

  it('finds a busiest span that wraps past midnight', () => {
    const insights = personalInsights(
      facts({ commits: 20, lateNightCommits: 18, commitsByLocalHour: byHour({ 23: 6, 0: 6, 1: 6, 12: 2 }) }),
    );
    expect(insights).toContain('You commit most between 23:00 and 02:00 local time (90% of your commits)');
  });

  it('keeps quiet about habits below 10 commits', () => {
    const insights = personalInsights(facts({ commits: 9, commitsByLocalHour: byHour({ 10: 9 }) }));
    expect(insights.some((insight) => insight.startsWith('You commit most'))).toBe(false);
  });

  it.each([
    [5, 'Your longest streak was 5 days in a row, from 2026-02-01 to 2026-02-01'],
    [23, 'Plan a day off: your longest run was 23 days in a row with commits, from 2026-02-01 to 2026-02-01'],
  ])('describes a %i-day streak', (streakDays, sentence) => {
    expect(personalInsights(facts({ commits: 30, streakDays }))).toContain(sentence);
  });

  it.each([
    [
      { commits: 40, lateNightCommits: 10 },
      '25% of your commits were made between 22:00 and 06:00: try moving focused work earlier in the day',
    ],
    [{ commits: 40, weekendCommits: 8 }, '20% of your commits were on weekends: days off help you come back sharper'],
    [
      { commits: 40, medianPrSize: 850, pullRequests: 10 },
      'Smaller pull requests get reviewed faster: yours have a median of 850 changed lines',
    ],
    [{ commits: 40 }, 'Your working hours look sustainable: keep protecting your evenings and weekends'],
  ])('suggests from the figures (%o)', (overrides, sentence) => {
    expect(personalInsights(facts(overrides))).toContain(sentence);
  });

  it('points out a rising late-night share', () => {
    const weekly = weeks([
      ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 1 })),
      ...Array.from({ length: 5 }, () => ({ commits: 10, lateNightCommits: 3 })),
      ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 5 })),
    ]);
    expect(personalInsights(facts({ commits: 130, lateNightCommits: 39, weekly }))).toContain(
      'Your late-night share went from 10% to 50% over the window: worth a look at your workload',
    );
  });

  it('does not call late nights sustainable', () => {
    const insights = personalInsights(facts({ commits: 40, lateNightCommits: 10 }));
    expect(insights.some((insight) => insight.includes('sustainable'))).toBe(false);
  });
});
