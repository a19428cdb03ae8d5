import type { MemberAnalysis } from '../../../src/domain/analysis/member-analysis';
import type { Metrics } from '../../../src/domain/metrics';
import { burnoutLevelOf, type Evidence } from '../../../src/domain/scores';
import type { TeamMemberInput } from '../../../src/domain/reports/types';

export const NOW = new Date('2026-11-25T09:00:00.000Z');
export const WINDOW_DAYS = 90;
const WEEK_COUNT = 13;
const DAY_MS = 86_400_000;

/** The window's week starts as the metrics build them: 13 weeks back from `end`, the oldest 6 days long. */
export function weekStarts(end: Date = NOW, windowDays = WINDOW_DAYS): string[] {
  const count = Math.ceil(windowDays / 7);
  return Array.from({ length: count }, (_, index) => {
    const weekEnd = end.getTime() - (count - 1 - index) * 7 * DAY_MS;
    return new Date(Math.max(end.getTime() - windowDays * DAY_MS, weekEnd - 7 * DAY_MS)).toISOString();
  });
}

/** `total` spread over the 13 weeks as evenly as whole numbers allow, the oldest (short) week first. */
export function evenly(total: number): number[] {
  const base = Math.floor(total / WEEK_COUNT);
  return Array.from({ length: WEEK_COUNT }, (_, index) => base + (index < total - base * WEEK_COUNT ? 1 : 0));
}

export interface Profile {
  /** Null: too little evidence for a code-quality score. */
  readonly quality: number | null;
  readonly commits: number;
  /** Null: too few commits for a burnout score. */
  readonly risk?: number | null;
  readonly patterns?: readonly string[];
  /** Commits per week, oldest first; spread evenly over 13 weeks when absent. */
  readonly weekly?: readonly number[];
  readonly metrics?: Partial<Metrics>;
  /** The analysis' own clock (its window's end); NOW by default. */
  readonly cachedAt?: Date;
}

/** Confidence and basis as the scores give them: high with a score, insufficient_data without. */
function evidenceOf(score: number | null, metrics: Metrics): Evidence {
  return {
    confidence: score === null ? 'insufficient_data' : 'high',
    basis: { commits: metrics.totalCommits, pullRequests: metrics.totalPRs, reviews: metrics.reviewsGiven, activeDays: metrics.activeDays },
    evidence: score === null ? 'Too little to score' : 'Rests on the figures of the window',
  };
}

export function analysisOf(login: string, profile: Profile): MemberAnalysis {
  const cachedAt = profile.cachedAt ?? NOW;
  const weekly = profile.weekly ?? evenly(profile.commits);
  const risk = profile.risk ?? 1.2;
  const metrics: Metrics = {
    totalCommits: profile.commits,
    totalRepos: 3,
    totalPRs: 20,
    mergedPRs: 18,
    totalIssues: 4,
    lateNightCommitRatio: 0.03,
    weekendCommitRatio: 0.04,
    activeDays: 50,
    longestStreakDays: 5,
    medianPrCycleTimeHours: 20,
    medianPrSize: 180,
    reviewCoverage: 0.89,
    reviewsGiven: 25,
    revertCommitRatio: 0.01,
    ...profile.metrics,
  };
  return {
    githubUsername: login,
    analysisEngine: 'heuristic',
    cachedAt: cachedAt.toISOString(),
    syncedAt: cachedAt.toISOString(),
    windowDays: WINDOW_DAYS,
    period: {
      from: new Date(cachedAt.getTime() - WINDOW_DAYS * DAY_MS).toISOString(),
      to: cachedAt.toISOString(),
      timezone: 'UTC',
    },
    codeQuality: {
      overallScore: profile.quality,
      ...evidenceOf(profile.quality, metrics),
      issues: [],
      recommendations: [],
      publicInsights: [],
      signals: [],
    },
    burnout: {
      riskScore: risk,
      level: risk === null ? null : burnoutLevelOf(risk),
      ...evidenceOf(risk, metrics),
      patterns: profile.patterns ?? [],
      signals: [],
    },
    metrics,
    personalInsights: [],
    weeklyCommits: weekStarts(cachedAt).map((weekStart, index) => ({ weekStart, commits: weekly[index] ?? 0 })),
  };
}

export function member(name: string, login: string, profile?: Profile): TeamMemberInput {
  return {
    userId: `user-${login}`,
    name,
    githubUsername: login,
    ...(profile === undefined ? {} : { analysis: analysisOf(login, profile) }),
  };
}

/** Alice's last four weeks are much busier than her usual week. */
const ALICE_WEEKS = [12, 14, 14, 15, 14, 15, 14, 16, 15, 18, 20, 21, 22];

/** The story's team: Bob on top, Charlie needing support, Alice burning out, seven others, two pending. */
export const bob = member('Bob Senior', 'bob-senior', {
  quality: 8.9,
  commits: 180,
  risk: 2.1,
  metrics: { reviewCoverage: 0.95, medianPrSize: 160, mergedPRs: 40, totalPRs: 42 },
});
export const charlie = member('Charlie Junior', 'charlie-junior', {
  quality: 5.9,
  commits: 95,
  risk: 1.5,
  metrics: { reviewCoverage: 0.45, medianPrSize: 1200, mergedPRs: 20, totalPRs: 22, revertCommitRatio: 0.02 },
});
export const alice = member('Alice Dev', 'alice-dev', {
  quality: 7.6,
  commits: ALICE_WEEKS.reduce((sum, commits) => sum + commits, 0),
  weekly: ALICE_WEEKS,
  risk: 8.1,
  patterns: ['45% late-night commits', '18-day streak without a day off'],
  metrics: { lateNightCommitRatio: 0.45, weekendCommitRatio: 0.2, longestStreakDays: 18 },
});
export const ordinary = [
  member('Dan Dev', 'dan-dev', { quality: 7.2, commits: 120 }),
  member('Erin Dev', 'erin-dev', {
    quality: 7.4,
    commits: 140,
    risk: 6.5,
    patterns: ['30% weekend commits'],
    metrics: { weekendCommitRatio: 0.3, lateNightCommitRatio: 0.12 },
  }),
  member('Felix Dev', 'felix-dev', {
    quality: 7.8,
    commits: 110,
    risk: 6.2,
    patterns: ['14-day streak without a day off'],
    metrics: { weekendCommitRatio: 0.15, longestStreakDays: 14 },
  }),
  member('Grace Dev', 'grace-dev', { quality: 6.9, commits: 100 }),
  member('Heidi Dev', 'heidi-dev', { quality: 7.1, commits: 130, risk: 4.4, patterns: ['12% late-night commits'] }),
  member('Ivan Dev', 'ivan-dev', { quality: 8.1, commits: 150 }),
  member('Judy Dev', 'judy-dev', { quality: 6.5, commits: 90 }),
];
export const pendingMembers = [member('Kim Lee', 'kim-lee'), member('Leo Park', 'leo-park')];

export const storyMembers: readonly TeamMemberInput[] = [bob, charlie, alice, ...ordinary, ...pendingMembers];

export const storyInput = (members: readonly TeamMemberInput[] = storyMembers) => ({
  organizationId: 'org-techstartup-123',
  organizationName: 'TechStartup Inc',
  members,
  now: NOW,
  windowDays: WINDOW_DAYS,
});
