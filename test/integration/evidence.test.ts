import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

/**
 * Scores a manager can trust, over HTTP on the synced demo team: spread,
 * resting on evidence, and none for a member with nothing to go on.
 * `quiet-newcomer` is a GitHub login with no activity in the dataset.
 */
const ORDINARY = ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
const NEWCOMER = 'quiet-newcomer';
const ENGINEERS = ['bob-senior', 'charlie-junior', 'alice-dev', ...ORDINARY];

type Analysis = {
  codeQuality: { overallScore: number | null; confidence: string; basis: Record<string, number>; evidence: string; publicInsights: string[] };
  burnout: { riskScore: number | null; level: string | null; confidence: string; basis: Record<string, number>; evidence: string; patterns: string[] };
  metrics: { totalCommits: number; totalPRs: number; reviewsGiven: number; activeDays: number };
};

let team: StoryTeam;
const analyses = new Map<string, Analysis>();

beforeAll(async () => {
  team = await storyTeam({}, [...ORDINARY, NEWCOMER]);
  const answers = await Promise.all(
    [...ENGINEERS, NEWCOMER].map((login) => api(`/ai/code-quality/${login}`, { token: team.sarah.accessToken })),
  );
  [...ENGINEERS, NEWCOMER].forEach((login, index) => {
    expect(answers[index]?.status).toBe(200);
    analyses.set(login, answers[index]?.body as Analysis);
  });
}, 120_000);

const of = (login: string) => analyses.get(login) as Analysis;

describe('evidence-aware scores on the demo team', () => {
  it('It should spread code quality instead of bunching nine people within 0.2', () => {
    const scores = ENGINEERS.map((login) => of(login).codeQuality.overallScore as number).sort((a, b) => a - b);
    const clusters = scores.map((low) => scores.filter((score) => score >= low && score <= low + 0.2 + 1e-9).length);
    expect(Math.max(...clusters)).toBeLessThanOrEqual(4);
    expect(scores[scores.length - 1]! - scores[0]!).toBeGreaterThanOrEqual(5);
  });

  it("It should keep the story: Alice high burnout with 45% late nights, Bob's quality above Charlie's", () => {
    expect(of('alice-dev').burnout).toMatchObject({ level: 'high', confidence: 'high' });
    expect(of('alice-dev').burnout.patterns[0]).toBe('45% late-night commits');
    expect(of('bob-senior').codeQuality.overallScore).toBeGreaterThan(of('charlie-junior').codeQuality.overallScore as number);
  });

  it('It should show what each score rests on', () => {
    const bob = of('bob-senior');
    const sample = { commits: bob.metrics.totalCommits, pullRequests: bob.metrics.totalPRs, reviews: bob.metrics.reviewsGiven, activeDays: bob.metrics.activeDays };
    expect(bob.codeQuality).toMatchObject({ confidence: 'high', basis: sample, evidence: expect.stringMatching(/^Rests on 45 pull requests/) });
    expect(bob.burnout).toMatchObject({ confidence: 'high', basis: sample });
  });

  it('It should give a member with no activity no scores, insufficient_data and the reason', () => {
    expect(of(NEWCOMER).codeQuality).toMatchObject({
      overallScore: null,
      confidence: 'insufficient_data',
      basis: { commits: 0, pullRequests: 0, reviews: 0, activeDays: 0 },
      evidence: 'No commits and no pull request in 90 days: too little to score code quality',
    });
    expect(of(NEWCOMER).burnout).toMatchObject({
      riskScore: null,
      level: null,
      confidence: 'insufficient_data',
      evidence: 'No commits in 90 days: too little to judge working hours',
    });
  });

  it('It should give no two engineers the same public insights', () => {
    const lists = ENGINEERS.map((login) => JSON.stringify(of(login).codeQuality.publicInsights));
    expect(new Set(lists).size).toBe(ENGINEERS.length);
  });

  it('It should leave the unscored member out of the team figures while counting them in the team', async () => {
    const response = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    const scored = ENGINEERS.map((login) => of(login).codeQuality.overallScore as number);
    const average = Math.round((scored.reduce((sum, score) => sum + score, 0) / scored.length) * 10) / 10;
    expect(response.body).toMatchObject({
      totalMembers: 11,
      averageCodeQuality: average,
      topPerformer: { githubUsername: 'bob-senior' },
      needsSupport: { githubUsername: 'charlie-junior' },
    });
    const bands = response.body.charts.codeQualityDistribution as { engineers: number }[];
    expect(bands.reduce((sum, band) => sum + band.engineers, 0)).toBe(10);
    const levels = response.body.charts.burnoutLevels as { low: number; medium: number; high: number };
    expect(levels.low + levels.medium + levels.high).toBe(10);
    expect(response.body.burnoutRisks.map((risk: { githubUsername: string }) => risk.githubUsername)).not.toContain(NEWCOMER);
  });
});
