import { describe, expect, it } from 'vitest';
import type { ActivityFacts } from '../../../../src/domain/metrics';
import { BURNOUT_CONFIDENCE, QUALITY_CONFIDENCE, scoreBurnout, scoreCodeQuality } from '../../../../src/domain/scores';
import { facts } from './facts';

describe('code-quality confidence', () => {
  it.each<[string, Partial<ActivityFacts>, string]>([
    ['nothing', {}, 'insufficient_data'],
    ['4 commits, no pull request', { commits: 4 }, 'insufficient_data'],
    ['5 commits, no pull request', { commits: 5 }, 'low'],
    ['one pull request, no commit', { pullRequests: 1, medianPrSize: 40 }, 'low'],
    ['3 pull requests', { commits: 6, pullRequests: 3, medianPrSize: 40 }, 'medium'],
    ['10 pull requests, 19 commits', { commits: 19, pullRequests: 10, medianPrSize: 40 }, 'medium'],
    ['10 pull requests, 20 commits', { commits: 20, pullRequests: 10, medianPrSize: 40 }, 'high'],
  ])('It should rate %s as %s', (_sample, overrides, confidence) => {
    expect(scoreCodeQuality(facts(overrides)).confidence).toBe(confidence);
  });

  it('It should state the thresholds it uses once, as named figures', () => {
    expect(QUALITY_CONFIDENCE).toEqual({
      high: { pullRequests: 10, commits: 20 },
      medium: { pullRequests: 3 },
      scored: { pullRequests: 1, commits: 5 },
    });
  });

  it.each<[Partial<ActivityFacts>, string]>([
    [{ commits: 3 }, '3 commits and no pull request in 90 days: too little to score code quality'],
    [{ commits: 12 }, '12 commits and no pull request in 90 days: scored on reverts only, as review coverage and change size need pull requests'],
    [
      { commits: 180, pullRequests: 45, mergedPullRequests: 41, reviewsGiven: 53, medianPrSize: 88 },
      'Rests on 45 pull requests (41 merged), 180 commits and 53 reviews given in 90 days',
    ],
    [{ pullRequests: 1, mergedPullRequests: 0, medianPrSize: 40 }, 'Rests on 1 pull request (0 merged), no commits and no review given in 90 days'],
  ])('It should say what the score rests on or misses (%o)', (overrides, evidence) => {
    expect(scoreCodeQuality(facts(overrides)).evidence).toBe(evidence);
  });
});

describe('burnout confidence', () => {
  it.each<[string, Partial<ActivityFacts>, string]>([
    ['4 commits', { commits: 4 }, 'insufficient_data'],
    ['5 commits', { commits: 5 }, 'low'],
    ['10 commits', { commits: 10 }, 'medium'],
    ['20 commits on 9 days', { commits: 20, activeDays: 9 }, 'medium'],
    ['20 commits on 10 days', { commits: 20, activeDays: 10 }, 'high'],
  ])('It should rate %s as %s', (_sample, overrides, confidence) => {
    expect(scoreBurnout(facts(overrides)).confidence).toBe(confidence);
  });

  it('It should state the thresholds it uses once, as named figures', () => {
    expect(BURNOUT_CONFIDENCE).toEqual({ high: { commits: 20, activeDays: 10 }, medium: { commits: 10 }, scored: { commits: 5 } });
  });

  it('It should weigh a late-night share by the commits behind it and say so', () => {
    const few = scoreBurnout(facts({ commits: 10, lateNightCommits: 5 }));
    const many = scoreBurnout(facts({ commits: 40, lateNightCommits: 20 }));
    expect(few.riskScore).toBeLessThan(many.riskScore ?? 0);
    expect(few.evidence).toBe(
      'Rests on 10 commits on 10 active days in 90 days; late-night and weekend shares count at 50%, as they count fully from 20 commits',
    );
    expect(many.evidence).toBe('Rests on 40 commits on 40 active days in 90 days');
  });
});

describe('the sample a score rests on', () => {
  it('It should carry the commits, pull requests, reviews given and active days of the window on both scores', () => {
    const input = facts({ commits: 30, activeDays: 12, pullRequests: 4, medianPrSize: 90, reviewsGiven: 7 });
    const basis = { commits: 30, pullRequests: 4, reviews: 7, activeDays: 12 };
    expect(scoreCodeQuality(input).basis).toEqual(basis);
    expect(scoreBurnout(input).basis).toEqual(basis);
  });
});
