import { beforeAll, describe, expect, it } from 'vitest';
import { buildMemberAnalysis, figuresOf, type MemberAnalysis } from '../../../../src/domain/analysis/member-analysis';
import { DEMO_DATASET_PATH } from '../../../../src/local/github-emulator/demo-dataset-path';
import { datasetActivity } from '../../../support/dataset-activity';

/**
 * The scores of the story's ten engineers, from the demo dataset's own
 * records (no emulator, no sync: the figures repository-sync.test.ts holds
 * the sync to), in Sarah's time zone.
 */
const ENGINEERS = ['bob-senior', 'charlie-junior', 'alice-dev', 'dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
const NOW = Date.now();

let team: Map<string, MemberAnalysis>;

beforeAll(async () => {
  team = new Map();
  for (const login of ENGINEERS) {
    const activity = await datasetActivity(DEMO_DATASET_PATH, 'techstartup', login, NOW);
    const figures = figuresOf(activity, new Date(NOW), 90, 'America/Los_Angeles');
    team.set(login, buildMemberAnalysis({ githubUsername: login, figures, now: new Date(NOW), windowDays: 90 }));
  }
});

const of = (login: string) => team.get(login) as MemberAnalysis;

/** The most scores that fall within `width` of each other. */
function largestCluster(scores: readonly number[], width: number): number {
  return Math.max(...scores.map((low) => scores.filter((score) => score >= low && score <= low + width + 1e-9).length));
}

describe('the demo team', () => {
  it('It should spread code quality: no more than four engineers within 0.2 of each other', () => {
    const scores = ENGINEERS.map((login) => of(login).codeQuality.overallScore as number);
    expect(scores.every((score) => typeof score === 'number')).toBe(true);
    expect(largestCluster(scores, 0.2)).toBeLessThanOrEqual(4);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(5);
  });

  it("It should keep the story: Alice at high burnout risk with her 45% late nights, Bob's quality above Charlie's", () => {
    expect(of('alice-dev').burnout).toMatchObject({ level: 'high', confidence: 'high' });
    expect(of('alice-dev').burnout.patterns[0]).toBe('45% late-night commits');
    expect(of('bob-senior').codeQuality.overallScore).toBeGreaterThan((of('charlie-junior').codeQuality.overallScore ?? 10) + 5);
  });

  it('It should score everyone with confidence, each engineer resting on their own sample', () => {
    for (const login of ENGINEERS) {
      const { codeQuality, burnout, metrics } = of(login);
      expect(codeQuality.confidence).not.toBe('insufficient_data');
      expect(burnout.confidence).toBe('high');
      expect(codeQuality.basis).toEqual({ commits: metrics.totalCommits, pullRequests: metrics.totalPRs, reviews: metrics.reviewsGiven, activeDays: metrics.activeDays });
    }
  });

  it('It should give no two engineers the same list of public insights', () => {
    const lists = ENGINEERS.map((login) => JSON.stringify(of(login).codeQuality.publicInsights));
    expect(new Set(lists).size).toBe(ENGINEERS.length);
  });

  it('It should call neither Charlie (13% reverts) nor Alice (30 days without a day off) a consistent contributor', () => {
    for (const login of ['charlie-junior', 'alice-dev']) {
      expect(of(login).codeQuality.publicInsights.some((line) => line.startsWith('Consistent contributor'))).toBe(false);
    }
    expect(of('bob-senior').codeQuality.publicInsights).toContain('Consistent contributor: commits in 13 of 13 weeks');
  });
});
