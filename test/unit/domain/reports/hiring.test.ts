import { describe, expect, it } from 'vitest';
import { buildMemberAnalysis, figuresOf } from '../../../../src/domain/analysis/member-analysis';
import { buildTeamAnalysis } from '../../../../src/domain/reports/team-analysis';
import type { TeamMemberInput } from '../../../../src/domain/reports/types';
import { DEMO_DATASET_PATH } from '../../../../src/local/github-emulator/demo-dataset-path';
import { datasetActivity } from '../../../support/dataset-activity';
import { member, NOW, storyInput, type Profile } from '../../reports/fixtures';

const analyse = (members: readonly TeamMemberInput[]) => buildTeamAnalysis(storyInput(members));
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const HIRING = /\bhire\b|\bhiring\b/i;

/** A real open-source organization's 90 days: 5 maintainers, 8 to 13 commits each, about one a week, no pull requests. */
const MAINTAINER_WEEKS = [
  [0, 0, 2, 0, 1, 0, 2, 0, 1, 0, 1, 2, 1],
  [1, 2, 0, 0, 1, 0, 0, 1, 0, 2, 1, 1, 1],
  [0, 1, 0, 3, 0, 2, 0, 0, 2, 1, 1, 2, 1],
  [0, 0, 1, 0, 2, 0, 0, 1, 0, 1, 2, 1, 0],
  [1, 0, 3, 0, 0, 2, 0, 1, 0, 2, 1, 2, 1],
];
const NO_PULL_REQUESTS = { totalPRs: 0, mergedPRs: 0, reviewCoverage: null, medianPrSize: null, medianPrCycleTimeHours: null, reviewsGiven: 0 };
// Scores as they were before evidence-aware scoring: 5.6–6.0 from commit counts alone, which made the team "NEEDS ATTENTION".
const maintainers = MAINTAINER_WEEKS.map((weekly, index) =>
  member(`Maintainer ${index + 1}`, `maintainer-${index + 1}`, { quality: 5.6 + index * 0.1, commits: sum(weekly), weekly, risk: 3.2, metrics: NO_PULL_REQUESTS }),
);

describe('a sparse team: the open-source maintainers', () => {
  const team = analyse(maintainers);

  it('has 8 to 13 commits per maintainer, as measured', () => {
    const commits = maintainers.map((person) => person.analysis?.metrics.totalCommits ?? 0);
    expect(Math.min(...commits)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...commits)).toBeLessThanOrEqual(13);
  });

  it('says there is not enough data to judge capacity, and what is missing, instead of a percent', () => {
    expect(team.hiringJustification).toMatchObject({
      currentCapacity: 'Not enough data to judge capacity: 5 of 5 engineers have fewer than 20 commits in 90 days',
      confidence: 'insufficient_data',
      basis: { analysedEngineers: 5, engineersWithEnoughCommits: 0, engineersWithMeasuredPace: 0, minCommits: 20, windowDays: 90 },
      figures: { suggestedHires: 0 },
    });
  });

  it('gives no hiring advice anywhere: not in the recommendation, the insights or the recommendations', () => {
    expect(team.hiringJustification.recommendation).toMatch(/^Not enough data to judge capacity: 5 of 5 engineers have fewer than 20 commits in 90 days; no hiring advice until/);
    expect(team.hiringJustification.recommendation).not.toMatch(/Hire \d|waves/);
    for (const sentence of [...team.insights, ...team.recommendations]) {
      expect(sentence).not.toMatch(/Hire \d|hire \d|over capacity|near limit|waves/);
    }
  });

  it('does not claim that no one could mentor: without evidence that is unknown', () => {
    expect(team.hiringJustification.growthPotential).toMatch(/^Unknown: /);
  });

  it('is not NEEDS ATTENTION from these few commits: its health is INSUFFICIENT DATA', () => {
    expect(team.teamHealth).toBe('INSUFFICIENT DATA');
  });
});

describe('the demo team (the shipped dataset, through the domain functions)', async () => {
  const logins = ['bob-senior', 'charlie-junior', 'alice-dev', 'dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
  const members = await Promise.all(
    logins.map(async (login): Promise<TeamMemberInput> => {
      const activity = await datasetActivity(DEMO_DATASET_PATH, 'techstartup', login, NOW.getTime());
      const figures = figuresOf(activity, NOW, 90, 'America/Los_Angeles');
      return { userId: login, name: login, githubUsername: login, analysis: buildMemberAnalysis({ githubUsername: login, figures, now: NOW, windowDays: 90 }) };
    }),
  );
  const team = analyse(members);
  const hiring = team.hiringJustification;

  it('judges capacity with high confidence: every engineer has 20+ commits and a measured pace', () => {
    expect(hiring).toMatchObject({ confidence: 'high', basis: { analysedEngineers: 10, engineersWithEnoughCommits: 10, engineersWithMeasuredPace: 10 } });
  });

  it('labels its capacity near the limit and advises hiring with it, never "healthy" beside a hire', () => {
    expect(hiring.currentCapacity).toBe('84% (near limit)');
    expect(hiring.figures).toMatchObject({ capacityPercent: 84, engineersAtHighRisk: 1, suggestedHires: 2 });
    expect(hiring.recommendation).toMatch(/^Hire 2 engineers within 90 days, bringing capacity from 84% to 69%/);
    expect(hiring.recommendation).toContain('move work away from the 1 engineer at high burnout risk');
  });

  it('says the same in its insights and recommendations as in the justification', () => {
    expect(team.insights).toContain('Team at 84% capacity (near limit)');
    expect(team.recommendations).toContain(hiring.recommendation);
    expect(team.recommendations.filter((sentence) => HIRING.test(sentence))).toEqual([hiring.recommendation]);
  });

  it('onboards in waves no larger than its mentors allow', () => {
    const [, perWave] = /^Can absorb (\d+) new engineers? at a time/.exec(hiring.growthPotential) ?? [];
    expect(Number(perWave)).toBeGreaterThan(0);
    const [, wave] = /waves of (\d+)/.exec(hiring.recommendation) ?? [];
    if (wave !== undefined) expect(Number(wave)).toBe(Number(perWave));
  });
});

describe('a clearly overloaded dense team', () => {
  // 10 commits a usual week, then 20 a week for the last 7 weeks, 30% of its 199 commits out of hours.
  const weekly = [9, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20, 20];
  const overloaded = (index: number) =>
    member(`Engineer ${index}`, `engineer-${index}`, { quality: 7.8, commits: sum(weekly), weekly, risk: 5, metrics: { lateNightCommitRatio: 0.2, weekendCommitRatio: 0.1 } });
  const team = analyse([1, 2, 3, 4, 5].map(overloaded));

  // Each: 0.7 × 2 (pace) + (0.3 × 199 + 20 × 0.1) / 219 − 0.1 (out of hours) = 1.58 of 1 engineer.
  it('is over capacity with high confidence', () => {
    expect(team.hiringJustification).toMatchObject({ currentCapacity: '158% (over capacity)', confidence: 'high' });
  });

  it('gets a hire recommendation that brings it below the limit, onboarded in waves its mentors can carry', () => {
    // round(7.91 / 0.7 − 5) = 6 hires: 7.91 / 11 = 72%.
    expect(team.hiringJustification.figures.suggestedHires).toBe(6);
    expect(team.hiringJustification.recommendation).toBe(
      'Hire 6 engineers within 90 days, bringing capacity from 158% to 72%; onboard them in waves of 2 so each has a mentor',
    );
    expect(team.hiringJustification.growthPotential).toBe('Can absorb 2 new engineers at a time: 5 experienced engineers free to mentor, one new engineer per 3');
  });

  it('hires a senior engineer first when no one is free to mentor, and says it cannot absorb juniors', () => {
    const unmentored = analyse([1, 2, 3].map((index) => member(`Engineer ${index}`, `engineer-${index}`, { quality: 6.2, commits: sum(weekly), weekly, risk: 5, metrics: { lateNightCommitRatio: 0.2, weekendCommitRatio: 0.1 } })));
    expect(unmentored.hiringJustification.growthPotential).toMatch(/^Cannot absorb junior engineers yet: no experienced engineer is free to mentor them/);
    expect(unmentored.hiringJustification.recommendation).toMatch(/^Hire \d+ engineers within 90 days, .*; hire a senior engineer first: no experienced engineer is free to mentor the others yet$/);
    expect(unmentored.hiringJustification.recommendation).not.toContain('waves');
  });
});

describe("the story's figures", () => {
  const steady = (name: string, login: string, extra: Partial<Profile> = {}) =>
    member(name, login, { quality: 7.5, commits: 130, weekly: new Array(13).fill(10), ...extra });

  it.each<[string, TeamMemberInput[], number, number]>([
    ['engineers at their usual pace in regular hours use 70%', [steady('Ann One', 'ann-one'), steady('Ben Two', 'ben-two')], 70, 0],
    ['an engineer at high burnout risk counts at half capacity', [steady('Ann One', 'ann-one'), steady('Ben Two', 'ben-two', { risk: 7.5 })], 93, 1],
    [
      'the last 6 weeks at twice the usual week double the load',
      [
        steady('Ann One', 'ann-one', { weekly: [...new Array(7).fill(10), ...new Array(6).fill(20)] }),
        steady('Ben Two', 'ben-two', { weekly: [...new Array(7).fill(10), ...new Array(6).fill(20)] }),
      ],
      140,
      2,
    ],
    [
      // (0.5 × 130 + 20 × 0.1) / 150 = 0.447 out of hours: 0.7 + 0.347 for Ann, 0.7 for Ben.
      'out-of-hours work above 10% adds its share, weighed by its commits',
      [steady('Ann One', 'ann-one', { metrics: { lateNightCommitRatio: 0.3, weekendCommitRatio: 0.2 } }), steady('Ben Two', 'ben-two')],
      87,
      1,
    ],
  ])('%s', (_case, members, capacityPercent, suggestedHires) => {
    expect(analyse(members).hiringJustification.figures).toMatchObject({ capacityPercent, suggestedHires });
  });

  it('states every constant it rests on, and the pending engineers left out', () => {
    const team = analyse([steady('Ann One', 'ann-one'), member('Kim Lee', 'kim-lee'), member('Leo Park', 'leo-park')]);
    const assumptions = team.hiringJustification.assumptions.join('\n');
    for (const constant of [
      'at least 50% of the analysed engineers have 20 or more commits',
      'fewer than 20 commits in the window is counted at their usual pace',
      '70% of their capacity',
      'before the last 6',
      'at least half of them are busier than usual',
      '2× the usual pace',
      '4 or more earlier full weeks with a usual week of 3 or more commits',
      'beyond 10%',
      '20 more commits at 10%',
      'counted at 50% capacity',
      'Hiring is advised from 80% capacity',
      'about 70% of capacity and below 80%',
      'per 3 experienced engineers',
      'the first hire is a senior engineer',
      'high when at least 80% of the engineers (and 3 or more)',
      'medium from 50%',
    ]) {
      expect(assumptions).toContain(constant);
    }
    expect(assumptions).toContain('2 engineers whose analysis is pending are left out');
  });
});

describe('the worked example of docs/analytics.md ("Capacity model")', () => {
  const ann = [9, ...new Array(6).fill(10), ...new Array(6).fill(20)];
  const ben = [6, ...new Array(6).fill(8), 8, 8, 30, 8, 8, 8];
  const cy = [10, ...new Array(12).fill(12)];
  const dee = [0, 1, 1, 0, 2, 1, 0, 1, 2, 1, 1, 1, 1];
  const team = analyse([
    member('Ann', 'ann', { quality: 8, commits: sum(ann), weekly: ann, risk: 5, metrics: { lateNightCommitRatio: 0.2, weekendCommitRatio: 0.1 } }),
    member('Ben', 'ben', { quality: 7.5, commits: sum(ben), weekly: ben, risk: 2, metrics: { lateNightCommitRatio: 0.03, weekendCommitRatio: 0.02 } }),
    member('Cy', 'cy', { quality: 7.2, commits: sum(cy), weekly: cy, risk: 8, metrics: { lateNightCommitRatio: 0.45, weekendCommitRatio: 0.2 } }),
    member('Dee', 'dee', { quality: 6, commits: sum(dee), weekly: dee, risk: 1, metrics: { lateNightCommitRatio: 0, weekendCommitRatio: 0 } }),
  ]);

  it('gives the figures and sentences the documentation derives by hand', () => {
    expect(team.hiringJustification).toMatchObject({
      currentCapacity: '119% (over capacity)',
      growthPotential: 'Can absorb 1 new engineer at a time: 2 experienced engineers free to mentor, one new engineer per 3',
      recommendation:
        'Hire 2 engineers within 90 days, bringing capacity from 119% to 76%; onboard them in waves of 1 so each has a mentor; move work away from the 1 engineer at high burnout risk',
      confidence: 'medium',
      basis: { analysedEngineers: 4, engineersWithEnoughCommits: 3, engineersWithMeasuredPace: 3 },
      figures: { capacityPercent: 119, suggestedHires: 2 },
    });
    expect(team.teamFacts.capacity).toMatchObject({ workloadEngineers: 4.17, effectiveEngineers: 3.5, mentors: 2 });
  });
});
