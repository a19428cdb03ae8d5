import { describe, expect, it } from 'vitest';
import type { MemberAnalysis } from '../../../../src/domain/analysis/member-analysis';
import { CAPACITY_MODEL, engineerLoadOf, hiresFor, teamCapacityOf } from '../../../../src/domain/reports/capacity-model';
import { analysisOf, type Profile } from '../../reports/fixtures';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
/** 13 weeks, oldest (short) first: `usual` a week for the first 7, `recent` for the last 6 full weeks. */
const weeks = (usual: number, recent: number = usual) => [usual, ...new Array(6).fill(usual), ...new Array(6).fill(recent)];
const engineer = (weekly: readonly number[], extra: Partial<Profile> = {}) =>
  analysisOf('ann-one', { quality: 7.5, commits: sum(weekly), weekly, ...extra });
/** No burnout level or score: the shape evidence-aware scores give a member with too little activity. */
const withoutScores = (analysis: MemberAnalysis) =>
  ({ ...analysis, codeQuality: { ...analysis.codeQuality, overallScore: null }, burnout: { ...analysis.burnout, riskScore: null, level: null } }) satisfies MemberAnalysis;

describe('the pace of one engineer', () => {
  it.each<[string, readonly number[], number]>([
    ['is their usual pace when the last 6 weeks are like the weeks before', weeks(10), 1],
    ['doubles when the last 6 weeks are at twice the usual week', weeks(10, 20), 2],
    ['is capped at twice the usual pace', weeks(5, 40), CAPACITY_MODEL.maxPaceRatio],
    ['falls when the last 6 weeks are quieter', weeks(10, 5), 0.5],
    ['does not move for one busy week among the last 6', [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 60, 10, 10], 1],
    ['does not move for two busy weeks among the last 6', [10, 10, 10, 10, 10, 10, 10, 10, 30, 10, 30, 10, 10], 1],
    ['rises when half of the last 6 weeks are busier than usual', [10, 10, 10, 10, 10, 10, 10, 20, 10, 20, 10, 20, 10], 1.5],
  ])('%s', (_case, weekly, paceRatio) => {
    expect(engineerLoadOf(engineer(weekly))).toMatchObject({ paceMeasured: true, paceRatio });
  });

  it.each<[string, readonly number[]]>([
    ['a usual week below 3 commits, however high the recent weeks', [2, 1, 2, 2, 1, 2, 2, 6, 6, 6, 6, 6, 6]],
    ['about one commit a week, a median of 0.5 against recent weeks of 1 or 2', [0, 0, 2, 0, 1, 0, 2, 3, 0, 1, 3, 2, 6]],
  ])('is not measured, and counts at the usual pace, with %s', (_case, weekly) => {
    expect(engineerLoadOf(engineer(weekly))).toMatchObject({ paceMeasured: false, paceRatio: 1 });
  });

  it('is not measured with fewer than 4 full weeks before the last 6 (a 60-day window)', () => {
    const short = { ...engineer(weeks(10, 20)), windowDays: 60 };
    const lastNine = short.weeklyCommits.slice(-9);
    expect(engineerLoadOf({ ...short, weeklyCommits: lastNine })).toMatchObject({ paceMeasured: false, paceRatio: 1 });
  });
});

describe('the evidence of one engineer', () => {
  it('counts an engineer with fewer than 20 commits at the usual pace in regular hours, whatever their figures', () => {
    const load = engineerLoadOf(engineer([0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 4], { metrics: { lateNightCommitRatio: 0.6 } }));
    expect(load).toMatchObject({ evidenced: false, paceMeasured: false, utilisation: CAPACITY_MODEL.normalUtilisation });
  });

  it('weighs the out-of-hours share by the commits it rests on: 45% over 200 commits counts nearly fully, over 20 about half', () => {
    const lateNight = { metrics: { lateNightCommitRatio: 0.45, weekendCommitRatio: 0 } };
    const many = engineerLoadOf(engineer(weeks(15, 16).map((week, index) => (index === 0 ? 14 : week)), lateNight));
    const few = engineerLoadOf(engineer([0, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 1, 1], lateNight));
    // (0.45 × 200 + 20 × 0.10) / (200 + 20) and (0.45 × 20 + 2) / 40.
    expect(many.outOfHoursShare).toBeCloseTo(92 / 220, 6);
    expect(few.outOfHoursShare).toBeCloseTo(11 / 40, 6);
  });

  it.each<[string, MemberAnalysis, number]>([
    ['counts a high burnout level at half capacity', engineer(weeks(10), { risk: 7.5 }), CAPACITY_MODEL.highRiskCapacity],
    ['counts a medium burnout level at full capacity', engineer(weeks(10), { risk: 5 }), 1],
    ['counts an engineer without a burnout score at full capacity', withoutScores(engineer(weeks(10), { risk: 9 })), 1],
  ])('%s', (_case, analysis, capacity) => {
    expect(engineerLoadOf(analysis).capacity).toBe(capacity);
  });
});

describe('the team', () => {
  const paced = engineer(weeks(10));
  const unpaced = engineer([0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4]);
  const sparse = engineer([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

  it('has no confidence when fewer than half its engineers have 20 commits', () => {
    const team = teamCapacityOf([paced, sparse, sparse]);
    expect(team).toMatchObject({ analysed: 3, evidenced: 1, confidence: 'insufficient_data' });
  });

  it.each<[string, MemberAnalysis[], string]>([
    ['is confident with a measured pace for 4 of 5', [paced, paced, paced, paced, sparse], 'high'],
    ['is moderately confident with a measured pace for 3 of 5', [paced, paced, paced, sparse, sparse], 'medium'],
    ['has low confidence with 20 commits for 3 of 5 but a measured pace for 2', [paced, paced, unpaced, sparse, sparse], 'low'],
  ])('%s', (_case, members, confidence) => {
    expect(teamCapacityOf(members).confidence).toBe(confidence);
  });

  it('is never confident with fewer than 3 engineers of measured pace', () => {
    expect(teamCapacityOf([paced, paced]).confidence).toBe('medium');
  });

  // The fewest hires that bring the workload to about 70% and capacity below 80%.
  it.each([
    { workload: 8, effective: 10, hires: 1 },
    { workload: 8.4, effective: 10, hires: 2 },
    { workload: 9.9, effective: 10, hires: 4 },
    { workload: 15, effective: 10, hires: 11 },
    { workload: 0.8, effective: 1, hires: 1 },
  ])('hires $hires for a workload of $workload engineers on $effective', ({ workload, effective, hires }) => {
    const team = { ...teamCapacityOf([]), workload, effective, percent: Math.round((100 * workload) / effective) };
    expect(hiresFor(team, 80)).toBe(hires);
    expect(Math.round((100 * workload) / (effective + hires))).toBeLessThan(80);
  });
});
