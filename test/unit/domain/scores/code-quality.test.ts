import { describe, expect, it } from 'vitest';
import type { ActivityFacts } from '../../../../src/domain/metrics';
import { scoreCodeQuality } from '../../../../src/domain/scores';
import { facts, randomInt, seeded } from './facts';

/** Small, reviewed pull requests, few reverts. */
const BOB_LIKE = facts({
  commits: 400,
  revertCommits: 8,
  pullRequests: 60,
  mergedPullRequests: 55,
  approvedMergedPullRequests: 47,
  largePullRequests: 2,
  medianPrSize: 220,
  medianPrCycleTimeHours: 20,
  reviewsGiven: 40,
  repos: 5,
});

/** Large pull requests, half merged unreviewed, frequent reverts. */
const CHARLIE_LIKE = facts({
  commits: 200,
  revertCommits: 10,
  pullRequests: 30,
  mergedPullRequests: 26,
  approvedMergedPullRequests: 13,
  largePullRequests: 8,
  medianPrSize: 700,
  medianPrCycleTimeHours: 30,
  reviewsGiven: 3,
  repos: 2,
});

/** Huge, unreviewed pull requests and a quarter of commits reverted. */
const WORST = facts({
  commits: 100,
  revertCommits: 25,
  pullRequests: 20,
  mergedPullRequests: 20,
  approvedMergedPullRequests: 0,
  largePullRequests: 20,
  medianPrSize: 3500,
});

function randomFacts(random: () => number): ActivityFacts {
  const commits = randomInt(random, 0, 300);
  const pullRequests = randomInt(random, 0, 60);
  const mergedPullRequests = randomInt(random, 0, pullRequests);
  return facts({
    commits,
    revertCommits: randomInt(random, 0, commits),
    pullRequests,
    mergedPullRequests,
    approvedMergedPullRequests: randomInt(random, 0, mergedPullRequests),
    largePullRequests: randomInt(random, 0, pullRequests),
    medianPrSize: pullRequests === 0 ? null : randomInt(random, 1, 4000),
    reviewsGiven: randomInt(random, 0, 30),
  });
}

describe('code quality score', () => {
  it('scores an engineer with small, reviewed pull requests between 8 and 9', () => {
    const { overallScore } = scoreCodeQuality(BOB_LIKE);
    expect(overallScore).toBeGreaterThanOrEqual(8);
    expect(overallScore).toBeLessThanOrEqual(9);
  });

  it('scores an engineer with large, half-unreviewed pull requests and frequent reverts between 4 and 6', () => {
    const { overallScore } = scoreCodeQuality(CHARLIE_LIKE);
    expect(overallScore).toBeGreaterThanOrEqual(4);
    expect(overallScore).toBeLessThanOrEqual(6);
  });

  it('scores small reviewed pull requests clearly above huge unreviewed ones with reverts', () => {
    expect(scoreOf(BOB_LIKE) - scoreOf(CHARLIE_LIKE)).toBeGreaterThanOrEqual(2);
    expect(scoreOf(WORST)).toBeLessThan(2);
  });

  it('gives no score, but an explanation, when there are no commits and no pull requests', () => {
    const result = scoreCodeQuality(facts());
    expect(result).toMatchObject({ overallScore: null, confidence: 'insufficient_data' });
    expect(result.evidence).toBe('No commits and no pull request in 90 days: too little to score code quality');
    expect(result.issues).toEqual(['Not enough activity to assess code quality: no commits or pull requests in the last 90 days']);
    expect(result.publicInsights).toEqual([]);
    expect(result.signals.every((signal) => signal.value === null && signal.contribution === 0)).toBe(true);
  });

  it('scores commits without pull requests on reverts alone, not on a neutral 5 for review and size', () => {
    const result = scoreCodeQuality(facts({ commits: 50, revertCommits: 5 }));
    expect(result.overallScore).toBe(5);
    expect(result.confidence).toBe('low');
    expect(result.signals.filter((signal) => signal.contribution > 0).map((signal) => signal.name)).toEqual(['revertShare']);
    expect(result.issues).toContain('No pull requests in the last 90 days, so review coverage and change size are not part of the score');
    expect(scoreOf(facts({ commits: 50 }))).toBe(10);
  });

  it('does not pull a score resting on one pull request toward a middle; its confidence says how little it rests on', () => {
    const one = scoreCodeQuality(facts({ pullRequests: 1, mergedPullRequests: 1, approvedMergedPullRequests: 1, medianPrSize: 50, reviewsGiven: 1 }));
    const many = scoreCodeQuality(
      facts({ commits: 40, pullRequests: 10, mergedPullRequests: 10, approvedMergedPullRequests: 10, medianPrSize: 50, reviewsGiven: 10 }),
    );
    expect(one).toMatchObject({ overallScore: 10, confidence: 'low' });
    expect(many).toMatchObject({ overallScore: 10, confidence: 'high' });
  });

  it('lists the signals; their contributions add up to the score', () => {
    const result = scoreCodeQuality(CHARLIE_LIKE);
    expect(result.signals.map((signal) => [signal.name, signal.value])).toEqual([
      ['reviewCoverage', 0.5],
      ['medianPrSize', 700],
      ['largePrShare', 0.27],
      ['revertShare', 0.05],
      ['reviewsGivenPerPullRequest', 0.1],
    ]);
    const total = result.signals.reduce((sum, signal) => sum + signal.contribution, 0);
    expect(result.overallScore).toBeCloseTo(total, 1);
  });
});

function scoreOf(input: ActivityFacts): number {
  const { overallScore } = scoreCodeQuality(input);
  if (overallScore === null) throw new Error('expected a score');
  return overallScore;
}

describe('code quality issues and recommendations', () => {
  it.each<[string, Partial<ActivityFacts>, string, string]>([
    [
      'unreviewed merges',
      { pullRequests: 10, mergedPullRequests: 10, approvedMergedPullRequests: 7, medianPrSize: 100 },
      '3 of 10 merged pull requests had no approving review before the merge',
      'Get an approving review from a teammate before merging; aim for at least 80% of merges reviewed',
    ],
    [
      'a large median pull request',
      { pullRequests: 10, mergedPullRequests: 10, approvedMergedPullRequests: 10, medianPrSize: 850 },
      'Median pull request size is 850 changed lines, above the 400 lines reviewers handle well',
      'Keep pull requests under 400 changed lines: separate refactoring from behaviour changes and ship features in steps',
    ],
    [
      'many pull requests over 1,000 lines',
      { pullRequests: 10, mergedPullRequests: 10, approvedMergedPullRequests: 10, medianPrSize: 300, largePullRequests: 3 },
      '30% of pull requests change more than 1,000 lines',
      'Break very large changes into a series of smaller pull requests, using feature flags to merge unfinished work safely',
    ],
    [
      'frequent reverts',
      { commits: 100, revertCommits: 6 },
      '6% of commits are reverts',
      'Catch problems before merging: add tests with each change and try it in staging, so fewer commits need reverting',
    ],
  ])('names %s with its figure and a recommendation', (_problem, overrides, issue, recommendation) => {
    const result = scoreCodeQuality(facts(overrides));
    expect(result.issues).toContain(issue);
    expect(result.recommendations).toContain(recommendation);
  });

  it('names pull requests that never merged, and does not praise habits it could not see', () => {
    const result = scoreCodeQuality(facts({ pullRequests: 3, mergedPullRequests: 0, medianPrSize: 100, reviewsGiven: 3 }));
    expect(result.issues).toContain('No pull request was merged in the last 90 days, so review coverage is not part of the score');
    expect(result.recommendations).toEqual([]);
  });

  it('has no issues for small, reviewed pull requests and few reverts', () => {
    expect(scoreCodeQuality(BOB_LIKE).issues).toEqual([]);
  });

  it.each([
    [{ reviewsGiven: 0, pullRequests: 5 }, "Review teammates' pull requests too: it spreads knowledge and speeds up their merges"],
    [
      { pullRequests: 5, mergedPullRequests: 5, approvedMergedPullRequests: 5, medianPrCycleTimeHours: 96, reviewsGiven: 5 },
      'Pull requests take a median of 4.0 days to merge; asking for review early and keeping changes small shortens that',
    ],
  ])('recommends from other figures too (%o)', (overrides, recommendation) => {
    expect(scoreCodeQuality(facts({ medianPrSize: 100, ...overrides })).recommendations).toContain(recommendation);
  });
});

describe('public insights', () => {
  it('praises small, reviewed, stable work', () => {
    expect(scoreCodeQuality(BOB_LIKE).publicInsights).toEqual([
      'High code quality: 8.5/10',
      'High review coverage: 47 of 55 merges approved',
      'Small, focused pull requests: a median of 220 changed lines',
      'Changes rarely need reverting: 8 reverts in 400 commits',
      'Active reviewer: 40 reviews given',
      'Consistent contributor: commits in 13 of 13 weeks',
    ]);
  });

  it('does not praise what is not there', () => {
    // Commits every week, but 5% of them reverts: steady is not "consistent".
    expect(scoreCodeQuality(CHARLIE_LIKE).publicInsights).toEqual(['Contributed 200 commits to 2 repositories']);
  });

  it('falls back to a neutral line', () => {
    expect(scoreCodeQuality(facts({ commits: 3, repos: 2, revertCommits: 1 })).publicInsights).toEqual([
      'Contributed 3 commits to 2 repositories',
    ]);
  });

  it('never mentions working hours, whatever the data', () => {
    const random = seeded(11);
    for (let run = 0; run < 500; run++) {
      const text = scoreCodeQuality(randomFacts(random)).publicInsights.join(' ').toLowerCase();
      expect(text).not.toMatch(/night|weekend|streak|burnout|hour/);
    }
  });
});

describe('code quality properties (seeded random profiles)', () => {
  const RUNS = 2000;

  it('always gives a 0..10 score with 1 decimal', () => {
    const random = seeded(12);
    for (let run = 0; run < RUNS; run++) {
      const input = randomFacts(random);
      const { overallScore, confidence } = scoreCodeQuality(input);
      if (overallScore === null) {
        expect(confidence).toBe('insufficient_data');
        expect(input.pullRequests === 0 && input.commits < 5).toBe(true);
        continue;
      }
      expect(overallScore).toBeGreaterThanOrEqual(0);
      expect(overallScore).toBeLessThanOrEqual(10);
      expect(Math.round(overallScore * 10) / 10).toBe(overallScore);
    }
  });

  it.each<[string, (input: ActivityFacts) => ActivityFacts | null, 'up' | 'down']>([
    [
      'one more merged pull request approved',
      (input) =>
        input.approvedMergedPullRequests < input.mergedPullRequests
          ? { ...input, approvedMergedPullRequests: input.approvedMergedPullRequests + 1 }
          : null,
      'up',
    ],
    [
      'a larger median pull request',
      (input) => (input.medianPrSize === null ? null : { ...input, medianPrSize: input.medianPrSize + 1 + input.medianPrSize * 0.2 }),
      'down',
    ],
    [
      'one more pull request over 1,000 lines',
      (input) =>
        input.largePullRequests < input.pullRequests ? { ...input, largePullRequests: input.largePullRequests + 1 } : null,
      'down',
    ],
    [
      'one more commit being a revert',
      (input) => (input.revertCommits < input.commits ? { ...input, revertCommits: input.revertCommits + 1 } : null),
      'down',
    ],
  ])('never moves the wrong way with %s', (_change, change, direction) => {
    const random = seeded(13);
    let checked = 0;
    for (let run = 0; run < RUNS; run++) {
      const input = randomFacts(random);
      const changed = change(input);
      if (changed === null) continue;
      checked++;
      const before = scoreCodeQuality(input).overallScore ?? Number.NaN;
      const after = scoreCodeQuality(changed).overallScore ?? Number.NaN;
      if (Number.isNaN(before)) continue;
      if (direction === 'up') expect(after).toBeGreaterThanOrEqual(before);
      else expect(after).toBeLessThanOrEqual(before);
    }
    expect(checked).toBeGreaterThan(RUNS / 2);
  });

  it.each([
    ['review coverage', (n: number) => facts({ pullRequests: 20, mergedPullRequests: 20, approvedMergedPullRequests: n, medianPrSize: 200 }), 'up'],
    ['reverts', (n: number) => facts({ commits: 20, revertCommits: n }), 'down'],
    ['pull requests over 1,000 lines', (n: number) => facts({ pullRequests: 20, largePullRequests: n, medianPrSize: 200 }), 'down'],
    ['median size (×100 lines)', (n: number) => facts({ pullRequests: 20, medianPrSize: n * 100 }), 'down'],
  ] as const)('moves one way as %s go from 0 to 20 (table)', (_what, profile, direction) => {
    const scores = Array.from({ length: 21 }, (_, n) => scoreOf(profile(n)));
    scores.slice(1).forEach((score, i) => {
      if (direction === 'up') expect(score).toBeGreaterThanOrEqual(scores[i] as number);
      else expect(score).toBeLessThanOrEqual(scores[i] as number);
    });
    expect(scores[0]).not.toBe(scores[20]);
  });

  it('gives the same answer for the same facts', () => {
    expect(scoreCodeQuality(CHARLIE_LIKE)).toEqual(scoreCodeQuality(structuredClone(CHARLIE_LIKE)));
  });
});
