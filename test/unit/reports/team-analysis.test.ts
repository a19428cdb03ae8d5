import { describe, expect, it } from 'vitest';
import { InvalidReportInputError } from '../../../src/domain/reports/errors';
import { buildTeamAnalysis } from '../../../src/domain/reports/team-analysis';
import type { TeamMemberInput } from '../../../src/domain/reports/types';
import {
  NOW,
  WINDOW_DAYS,
  alice,
  bob,
  charlie,
  member,
  ordinary,
  pendingMembers,
  storyInput,
  storyMembers,
  weekStarts,
  type Profile,
} from './fixtures';

const story = buildTeamAnalysis(storyInput());
const analyse = (members: readonly TeamMemberInput[]) => buildTeamAnalysis(storyInput(members));
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe("the team analysis of the story's team", () => {
  it('puts Bob on top with his score and commits', () => {
    expect(story.topPerformer).toEqual({ name: 'Bob Senior', githubUsername: 'bob-senior', codeQualityScore: 8.9, commits: 180 });
  });

  it('names Charlie as needing support, with a recommendation from his huge, unreviewed pull requests', () => {
    expect(story.needsSupport).toMatchObject({ name: 'Charlie Junior', githubUsername: 'charlie-junior', codeQualityScore: 5.9, commits: 95 });
    expect(story.needsSupport?.recommendation).toBe(
      'Pair programming with a senior developer to split changes into smaller reviewed pull requests (median 1,200 changed lines) and get an approving review before each merge (45% of merges reviewed)',
    );
  });

  it('lists Alice first among burnout risks with her strongest pattern, then the others at 6 or more, highest first', () => {
    expect(story.burnoutRisks).toEqual([
      { name: 'Alice Dev', githubUsername: 'alice-dev', riskScore: 8.1, pattern: '45% late-night commits' },
      { name: 'Erin Dev', githubUsername: 'erin-dev', riskScore: 6.5, pattern: '30% weekend commits' },
      { name: 'Felix Dev', githubUsername: 'felix-dev', riskScore: 6.2, pattern: '14-day streak without a day off' },
    ]);
  });

  it('counts pending engineers in the team size and lists them, but not in the analysed figures', () => {
    expect(story).toMatchObject({ totalMembers: 12, analysedMembers: 10 });
    expect(story.pending).toEqual([
      { name: 'Kim Lee', githubUsername: 'kim-lee' },
      { name: 'Leo Park', githubUsername: 'leo-park' },
    ]);
    expect(story.insights).toContain(
      '2 engineers not analysed yet (Kim Lee and Leo Park): counted in the team size of 12, left out of averages and totals',
    );
  });

  it('averages code quality over analysed engineers only (73.4 / 10) and sums their commits', () => {
    expect(story.averageCodeQuality).toBe(7.3);
    expect(story.totalCommits).toBe(180 + 95 + 210 + 120 + 140 + 110 + 100 + 130 + 150 + 90);
  });

  it('scores the team 0.6 × quality + 0.4 × (10 − burnout) and calls it GOOD with concerns', () => {
    // Burnout risks: 2.1 + 1.5 + 8.1 + 1.2 + 6.5 + 6.2 + 1.2 + 4.4 + 1.2 + 1.2 = 33.6, mean 3.36.
    expect(story.overallScore).toBe(Math.round((0.6 * 7.34 + 0.4 * (10 - 3.36)) * 10) / 10);
    expect(story.teamHealth).toBe('GOOD with concerns');
  });

  it('writes insights and recommendations with their figures, the story way', () => {
    expect(story.insights).toEqual(
      expect.arrayContaining([
        '1,325 commits across 10 analysed engineers in the last 90 days (133 per engineer)',
        'Average code quality 7.3/10; 7 of 10 engineers score 7.0 or above',
        '1 engineer showing critical burnout signs: Alice Dev (8.1/10: 45% late-night commits)',
        'Charlie Junior has the lowest code quality (5.9/10) and would benefit from mentoring',
      ]),
    );
    expect(story.recommendations[0]).toMatch(/^URGENT: Address Alice Dev's burnout \(8\.1\/10 risk: 45% late-night commits\)/);
    expect(story.recommendations).toContain('Pair Charlie Junior with Bob Senior for mentoring (code quality 5.9/10 vs 8.9/10)');
    expect(story.recommendations).toContain(story.hiringJustification.recommendation);
  });

  it("adds a review-process recommendation when the team's review coverage is low", () => {
    const unreviewed = (name: string, login: string, quality: number) =>
      member(name, login, { quality, commits: 50, metrics: { reviewCoverage: 0.3, mergedPRs: 10 } });
    const team = analyse([unreviewed('Ann One', 'ann-one', 6), unreviewed('Ben Two', 'ben-two', 6.5)]);
    expect(team.recommendations).toContain(
      'Implement a code review process: 30% of merged pull requests had an approving review (target 80%)',
    );
  });

  it('states the engine and takes prose for the sentences only', () => {
    expect(story.analysisEngine).toBe('heuristic');
    const prose = { insights: ['A model insight'], recommendations: ['A model recommendation'], engine: 'llm:test-model' };
    const withProse = buildTeamAnalysis({ ...storyInput(), prose });
    expect(withProse).toEqual({
      ...story,
      insights: prose.insights,
      recommendations: prose.recommendations,
      analysisEngine: 'llm:test-model',
    });
  });
});

describe('charts', () => {
  it('puts every rated engineer in one code-quality band', () => {
    expect(story.charts.codeQualityDistribution).toEqual([
      { band: '0-2', engineers: 0 },
      { band: '2-4', engineers: 0 },
      { band: '4-6', engineers: 1 },
      { band: '6-8', engineers: 7 },
      { band: '8-10', engineers: 2 },
    ]);
  });

  it.each([
    [0, '0-2'],
    [1.9, '0-2'],
    [2, '2-4'],
    [5.9, '4-6'],
    [6, '6-8'],
    [7.9, '6-8'],
    [8, '8-10'],
    [10, '8-10'],
  ])('puts a score of %s in the %s band', (quality, band) => {
    const team = analyse([member('Ann One', 'ann-one', { quality, commits: 10 })]);
    expect(team.charts.codeQualityDistribution.find((entry) => entry.engineers === 1)?.band).toBe(band);
  });

  it('counts every analysed engineer in one burnout level', () => {
    expect(story.charts.burnoutLevels).toEqual({ low: 6, medium: 3, high: 1 });
    expect(sum(Object.values(story.charts.burnoutLevels))).toBe(story.analysedMembers);
  });

  it("adds the members' weeks, oldest first, to the team's total commits", () => {
    expect(story.charts.commitsPerWeek.map((week) => week.weekStart)).toEqual(weekStarts());
    expect(sum(story.charts.commitsPerWeek.map((week) => week.commits))).toBe(story.totalCommits);
    expect(story.charts.commitsPerWeek.at(-1)?.commits).toBe(22 + Math.floor(180 / 13) + 7 + 9 + 10 + 8 + 7 + 10 + 11 + 6);
  });

  it('lines up an analysis cached two days earlier with the same weeks', () => {
    const cachedEarlier = new Date(NOW.getTime() - 2 * 86_400_000);
    const team = analyse([
      member('Ann One', 'ann-one', { quality: 7, commits: 26, weekly: new Array(13).fill(2) }),
      member('Ben Two', 'ben-two', { quality: 7, commits: 13, weekly: new Array(13).fill(1), cachedAt: cachedEarlier }),
    ]);
    expect(team.charts.commitsPerWeek.map((week) => week.commits)).toEqual(new Array(13).fill(3));
  });

  it('leaves out weeks of an old analysis that fall before the window', () => {
    const monthOld = new Date(NOW.getTime() - 28 * 86_400_000);
    const team = analyse([member('Ann One', 'ann-one', { quality: 7, commits: 13, weekly: new Array(13).fill(1), cachedAt: monthOld })]);
    expect(team.charts.commitsPerWeek.map((week) => week.commits)).toEqual([...new Array(9).fill(1), 0, 0, 0, 0]);
  });
});

describe('edge cases', () => {
  it('handles a team with no engineers', () => {
    const team = analyse([]);
    expect(team).toMatchObject({
      totalMembers: 0,
      analysedMembers: 0,
      averageCodeQuality: 0,
      totalCommits: 0,
      overallScore: 0,
      teamHealth: 'INSUFFICIENT DATA',
      topPerformer: null,
      needsSupport: null,
      burnoutRisks: [],
      pending: [],
    });
    expect(team.hiringJustification.figures).toEqual({ capacityPercent: 0, engineersAtHighRisk: 0, engineersAtMediumRisk: 0, suggestedHires: 0 });
    expect(team.hiringJustification.currentCapacity).toBe('Not enough data to judge capacity: no engineer analysed yet');
    expect(team.charts.commitsPerWeek).toHaveLength(13);
  });

  it('handles a team whose engineers are all pending', () => {
    const team = analyse(pendingMembers);
    expect(team).toMatchObject({ totalMembers: 2, analysedMembers: 0, topPerformer: null, needsSupport: null, teamHealth: 'INSUFFICIENT DATA' });
    expect(team.insights).toEqual([
      '2 engineers not analysed yet (Kim Lee and Leo Park): counted in the team size of 2, left out of averages and totals',
    ]);
  });

  it('makes a single analysed engineer the top performer, with no one needing support', () => {
    const team = analyse([bob]);
    expect(team.topPerformer?.githubUsername).toBe('bob-senior');
    expect(team.needsSupport).toBeNull();
    expect(team.averageCodeQuality).toBe(8.9);
  });

  it.each<[string, Profile, Profile, string, string]>([
    ['more commits win a tie on score', { quality: 7, commits: 50 }, { quality: 7, commits: 80 }, 'ben-two', 'ann-one'],
    ['login order breaks a full tie', { quality: 7, commits: 50 }, { quality: 7, commits: 50 }, 'ann-one', 'ben-two'],
    ['the higher score wins whatever the commits', { quality: 7.1, commits: 5 }, { quality: 7, commits: 500 }, 'ann-one', 'ben-two'],
  ])('breaks ties: %s', (_case, ann, ben, top, support) => {
    const team = analyse([member('Ben Two', 'ben-two', ben), member('Ann One', 'ann-one', ann)]);
    expect(team.topPerformer?.githubUsername).toBe(top);
    expect(team.needsSupport?.githubUsername).toBe(support);
  });

  it('gives needs-support to the one with fewer commits among equally low scores', () => {
    const team = analyse([
      member('Ann One', 'ann-one', { quality: 9, commits: 50 }),
      member('Ben Two', 'ben-two', { quality: 5, commits: 80 }),
      member('Cat Three', 'cat-three', { quality: 5, commits: 20 }),
    ]);
    expect(team.needsSupport?.githubUsername).toBe('cat-three');
  });

  it('does not rate an engineer without a code-quality score, but still counts their burnout level', () => {
    const idle = member('Ida Idle', 'ida-idle', { quality: null, commits: 0, weekly: new Array(13).fill(0), metrics: { totalPRs: 0, mergedPRs: 0, reviewCoverage: null, medianPrSize: null } });
    const team = analyse([bob, charlie, idle]);
    expect(team.averageCodeQuality).toBe(7.4);
    expect(sum(team.charts.codeQualityDistribution.map((band) => band.engineers))).toBe(2);
    expect(team.charts.burnoutLevels.low).toBe(3);
    expect(team.needsSupport?.githubUsername).toBe('charlie-junior');
    expect(team.insights).toContain("1 engineer without enough activity in the last 90 days for a code-quality score: left out of the team's quality figures");
  });

  it('does not pair with a mentor at high burnout risk', () => {
    const busyStar = member('Sam Star', 'sam-star', { quality: 9.5, commits: 300, risk: 8 });
    const team = analyse([busyStar, bob, charlie]);
    expect(team.topPerformer?.githubUsername).toBe('sam-star');
    expect(team.recommendations).toContain('Pair Charlie Junior with Bob Senior for mentoring (code quality 5.9/10 vs 8.9/10)');
  });

  it('falls back to a sentence when a listed risk has no single pattern', () => {
    const team = analyse([member('Ann One', 'ann-one', { quality: 7, commits: 50, risk: 6.3 })]);
    expect(team.burnoutRisks[0]?.pattern).toMatch(/^No single pattern stands out/);
  });

  it('refuses a window that is not a positive whole number of days', () => {
    expect(() => buildTeamAnalysis({ ...storyInput(), windowDays: 0 })).toThrow(InvalidReportInputError);
  });
});

describe('team health', () => {
  const engineers = (profiles: readonly Profile[]) =>
    profiles.map((profile, index) => member(`Engineer ${index}`, `engineer-${index}`, profile));

  it.each<[string, Profile[], number, string]>([
    ['great quality, low risk', [{ quality: 9, commits: 50, risk: 1 }, { quality: 9.2, commits: 50, risk: 1 }], 9.1, 'EXCELLENT'],
    ['good quality, low risk', [{ quality: 7.5, commits: 50, risk: 2 }, { quality: 7.5, commits: 50, risk: 2 }], 7.7, 'GOOD'],
    [
      'good score with one listed risk',
      [{ quality: 9, commits: 50, risk: 6.5 }, ...new Array(5).fill({ quality: 9, commits: 50, risk: 1 })],
      8.6,
      'GOOD with concerns',
    ],
    ['middling quality', [{ quality: 5, commits: 50, risk: 3 }, { quality: 5.4, commits: 50, risk: 3 }], 5.9, 'NEEDS ATTENTION'],
    ['poor quality and strain', [{ quality: 3, commits: 50, risk: 6 }, { quality: 3, commits: 50, risk: 6 }], 3.4, 'AT RISK'],
    [
      'one in four at high risk caps a good score',
      [{ quality: 9, commits: 50, risk: 7.2 }, ...new Array(3).fill({ quality: 9, commits: 50, risk: 0.5 })],
      8.5,
      'NEEDS ATTENTION',
    ],
    [
      'one in three at high risk',
      [{ quality: 9, commits: 50, risk: 7 }, { quality: 9, commits: 50, risk: 1 }, { quality: 9, commits: 50, risk: 1 }],
      8.2,
      'AT RISK',
    ],
  ])('%s', (_case, profiles, overallScore, teamHealth) => {
    expect(analyse(engineers(profiles))).toMatchObject({ overallScore, teamHealth });
  });
});

describe('determinism', () => {
  it('gives the same analysis for the same input', () => {
    expect(buildTeamAnalysis(storyInput())).toEqual(story);
    expect(JSON.stringify(buildTeamAnalysis(storyInput()))).toBe(JSON.stringify(story));
  });

  it('does not depend on the order of the members', () => {
    const shuffled = [...pendingMembers, ...ordinary].reverse().concat([alice, charlie, bob]);
    expect(JSON.stringify(analyse(shuffled))).toBe(JSON.stringify(story));
  });

  it('takes its time from `now`, not the clock', () => {
    expect(story).toMatchObject({ generatedAt: NOW.toISOString(), windowDays: WINDOW_DAYS });
    const later = buildTeamAnalysis({ ...storyInput(storyMembers), now: new Date(NOW.getTime() + 7 * 86_400_000) });
    expect(later.charts.commitsPerWeek[0]?.weekStart).toBe(weekStarts(new Date(NOW.getTime() + 7 * 86_400_000))[0]);
  });
});
