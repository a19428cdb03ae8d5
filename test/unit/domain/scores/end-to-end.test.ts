import { describe, expect, it } from 'vitest';
import type { CommitRecord } from '../../../../src/domain/activity';
import { computeMetrics } from '../../../../src/domain/metrics';
import { scoreBurnout, scoreCodeQuality } from '../../../../src/domain/scores';

const NOW = new Date('2026-03-20T12:00:00Z');

/** One commit a day for `days` days before NOW, at this UTC hour. */
function dailyCommits(login: string, days: number, utcHour: number): CommitRecord[] {
  return Array.from({ length: days }, (_, day) => {
    const at = new Date(Date.UTC(2026, 2, 19 - day, utcHour)).getTime();
    return {
      repo: 'techstartup/api',
      sha: `${login}-${String(day).padStart(30, '0')}`,
      authorLogin: login,
      authoredAt: new Date(at).toISOString(),
      message: 'feat: work',
      parents: 1,
    };
  });
}

describe('metrics to scores', () => {
  it('rates an engineer committing every night in Los Angeles as high burnout risk', () => {
    // 06:00 UTC is 22:00 PST / 23:00 PDT: late-night on every local date, across the DST change.
    const { metrics, facts } = computeMetrics({
      activity: { login: 'alice-dev', commits: dailyCommits('alice-dev', 60, 6), pullRequests: [], reviewsGiven: [], issues: [] },
      now: NOW,
      timezone: 'America/Los_Angeles',
    });
    expect(metrics).toMatchObject({ totalCommits: 60, lateNightCommitRatio: 1, longestStreakDays: 60 });
    const burnout = scoreBurnout(facts);
    expect(burnout.level).toBe('high');
    expect(burnout.patterns[0]).toBe('100% late-night commits');
    expect(burnout.patterns).toContain('60-day streak without a day off');
  });

  it('rates the same commits read in Tokyo (15:00 local) as daytime', () => {
    const { metrics, facts } = computeMetrics({
      activity: { login: 'alice-dev', commits: dailyCommits('alice-dev', 60, 6), pullRequests: [], reviewsGiven: [], issues: [] },
      now: NOW,
      timezone: 'Asia/Tokyo',
    });
    expect(metrics.lateNightCommitRatio).toBe(0);
    expect(scoreBurnout(facts).patterns).not.toContain('100% late-night commits');
    expect(scoreCodeQuality(facts).overallScore).toBeGreaterThan(5);
  });
});
