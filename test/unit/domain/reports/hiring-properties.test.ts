import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberAnalysis } from '../../../../src/domain/analysis/member-analysis';
import type { TeamCapacity } from '../../../../src/domain/reports/capacity-model';
import { capacityLabelOf, hiringJustificationOf, NEAR_LIMIT } from '../../../../src/domain/reports/hiring';
import { adviceOf, currentCapacityOf, NOT_ENOUGH_DATA, recommendationOf } from '../../../../src/domain/reports/hiring-advice';
import { buildTeamAnalysis } from '../../../../src/domain/reports/team-analysis';
import type { AnalysedMember } from '../../../../src/domain/reports/team-figures';
import { hasHealthEvidence, overallScoreOf, teamHealthOf } from '../../../../src/domain/reports/team-health';
import type { HiringJustification, TeamMemberInput } from '../../../../src/domain/reports/types';
import { analysisOf, storyInput } from '../../reports/fixtures';

const LABELS = ['spare capacity', 'healthy', 'near limit', 'over capacity'];
const HIRE_LABELS = new Set(['near limit', 'over capacity']);
const HIRING = /\bhire\b|\bhiring\b/i;

/** 13 weeks, oldest (short) first: about a commit a week, anything, or a steady pace with a busy (or quiet) stretch at the end. */
const weeklyArb = fc.oneof(
  fc.array(fc.nat({ max: 2 }), { minLength: 13, maxLength: 13 }),
  fc.array(fc.nat({ max: 40 }), { minLength: 13, maxLength: 13 }),
  fc
    .record({ usual: fc.integer({ min: 3, max: 25 }), factor: fc.integer({ min: 2, max: 30 }), stretch: fc.integer({ min: 0, max: 12 }) })
    .map(({ usual, factor, stretch }) => Array.from({ length: 13 }, (_, week) => (week >= 13 - stretch ? Math.round((usual * factor) / 10) : usual))),
);

const engineerArb = fc.record({
  weekly: weeklyArb,
  lateNight: fc.integer({ min: 0, max: 60 }),
  weekend: fc.integer({ min: 0, max: 40 }),
  quality: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  risk: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  pullRequests: fc.nat({ max: 30 }),
});
type Engineer = typeof engineerArb extends fc.Arbitrary<infer T> ? T : never;
const teamArb = fc.array(engineerArb, { maxLength: 60 });

function analysisFor(index: number, engineer: Engineer): MemberAnalysis {
  const commits = engineer.weekly.reduce((sum, week) => sum + week, 0);
  const analysis = analysisOf(`engineer-${index}`, {
    quality: (engineer.quality ?? 50) / 10,
    risk: (engineer.risk ?? 0) / 10,
    commits,
    weekly: engineer.weekly,
    metrics: { lateNightCommitRatio: engineer.lateNight / 100, weekendCommitRatio: engineer.weekend / 100, totalPRs: engineer.pullRequests },
  });
  // Null scores, as evidence-aware scoring gives an engineer with too little activity.
  return {
    ...analysis,
    codeQuality: { ...analysis.codeQuality, ...(engineer.quality === null ? { overallScore: null } : {}) },
    burnout: { ...analysis.burnout, ...(engineer.risk === null ? { riskScore: null, level: null } : {}) },
  };
}

const analysedOf = (team: readonly Engineer[]): AnalysedMember[] =>
  team.map((engineer, index) => ({ name: `Engineer ${index}`, githubUsername: `engineer-${index}`, analysis: analysisFor(index, engineer) }));

function justificationOf(analysed: readonly AnalysedMember[]): HiringJustification {
  const levels = analysed.map(({ analysis }) => analysis.burnout.level);
  return hiringJustificationOf({
    analysed,
    windowDays: 90,
    pendingEngineers: 0,
    engineersAtHighRisk: levels.filter((level) => level === 'high').length,
    engineersAtMediumRisk: levels.filter((level) => level === 'medium').length,
  }).justification;
}

/** The invariants every justification holds: no hire from sparse data, label and advice from the same band, waves only with mentors. */
function expectCoherent(hiring: HiringJustification): void {
  const { capacityPercent: percent, suggestedHires } = hiring.figures;
  if (hiring.confidence === 'insufficient_data') {
    expect(hiring.currentCapacity.startsWith(NOT_ENOUGH_DATA)).toBe(true);
    expect(hiring.recommendation.startsWith(NOT_ENOUGH_DATA)).toBe(true);
    expect(suggestedHires).toBe(0);
    expect(hiring.recommendation).not.toMatch(/Hire \d|waves|No hire needed/);
    return;
  }
  const label = capacityLabelOf(percent);
  expect(hiring.currentCapacity).toBe(`${percent}% (${label})`);
  const hires = hiring.recommendation.startsWith('Hire ');
  expect(hires).toBe(suggestedHires > 0);
  expect(hires).toBe(HIRE_LABELS.has(label));
  expect(hiring.recommendation.startsWith('No hire needed')).toBe(!hires);
  if (!hires) return;
  expect(Number(/ to (\d+)%/.exec(hiring.recommendation)?.[1])).toBeLessThan(NEAR_LIMIT);
  const perWave = /^Can absorb (\d+) /.exec(hiring.growthPotential)?.[1];
  const wave = /waves of (\d+)/.exec(hiring.recommendation)?.[1];
  if (perWave === undefined) {
    expect(hiring.recommendation).toMatch(/senior engineer/);
    expect(hiring.recommendation).not.toContain('waves');
  } else if (wave !== undefined) {
    expect(wave).toBe(perWave);
  }
}

describe('the capacity model over generated teams (0–60 engineers, sparse to dense, with and without burnout, with null scores)', () => {
  it('never contradicts itself, and never advises hiring on sparse data', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const hiring = justificationOf(analysedOf(team));
        expectCoherent(hiring);
        const evidenced = team.filter((engineer) => engineer.weekly.reduce((sum, week) => sum + week, 0) >= 20).length;
        expect(hiring.confidence === 'insufficient_data').toBe(team.length === 0 || evidenced / team.length < 0.5);
      }),
      { numRuns: 300 },
    );
  });

  it('never calls a team NEEDS ATTENTION (or any band) when fewer than half its engineers have enough evidence', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const analysed = analysedOf(team);
        const health = teamHealthOf({ analysed, overallScore: overallScoreOf(analysed), engineersAtHighRisk: 0, listedRisks: 0 });
        const evidenced = analysed.filter(({ analysis }) => hasHealthEvidence(analysis)).length;
        if (team.length === 0 || evidenced / team.length < 0.5) expect(health).toBe('INSUFFICIENT DATA');
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same justification for the same team, in any order', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const analysed = analysedOf(team);
        expect(justificationOf(analysed)).toEqual(justificationOf(analysed));
        expect(justificationOf([...analysed].reverse())).toEqual(justificationOf(analysed));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the whole team analysis over generated teams', () => {
  const membersOf = (team: readonly Engineer[]): TeamMemberInput[] =>
    team.map((engineer, index) => ({ userId: `user-${index}`, name: `Engineer ${index}`, githubUsername: `engineer-${index}`, analysis: analysisFor(index, engineer) }));

  it("says in its insights and recommendations what the hiring justification says, and nothing else about hiring", () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const analysis = buildTeamAnalysis(storyInput(membersOf(team)));
        const hiring = analysis.hiringJustification;
        expectCoherent(hiring);
        if (team.length === 0) return;
        const capacityLine = hiring.confidence === 'insufficient_data' ? hiring.currentCapacity : `Team at ${hiring.figures.capacityPercent}% capacity (${capacityLabelOf(hiring.figures.capacityPercent)})`;
        expect(analysis.insights.filter((sentence) => /capacity/.test(sentence))).toEqual([capacityLine]);
        expect(analysis.recommendations.filter((sentence) => HIRING.test(sentence))).toEqual([hiring.recommendation]);
        // Pairing for mentoring names a mentor only when the justification says someone is free to mentor.
        if (analysis.recommendations.some((sentence) => /^Pair .* for mentoring/.test(sentence))) expect(hiring.growthPotential).toMatch(/^Can absorb /);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same members, in any order, give the same analysis', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const members = membersOf(team);
        const once = buildTeamAnalysis(storyInput(members));
        expect(buildTeamAnalysis(storyInput(members))).toEqual(once);
        expect(buildTeamAnalysis(storyInput([...members].reverse()))).toEqual(once);
      }),
      { numRuns: 100 },
    );
  });
});

describe('labels and advice at every percent', () => {
  const judgedAt = (percent: number): TeamCapacity => ({
    analysed: 10,
    evidenced: 10,
    paceMeasured: 10,
    scoredEvidenced: 10,
    mentors: 3,
    workload: percent / 10,
    effective: 10,
    percent,
    confidence: 'high',
  });

  it('gives a label that never goes down as the percent goes up', () => {
    const ranks = Array.from({ length: 401 }, (_, percent) => LABELS.indexOf(capacityLabelOf(percent)));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks.every((rank, percent) => percent === 0 || rank >= (ranks[percent - 1] ?? 0))).toBe(true);
  });

  it('advises hiring exactly where the label is near limit or over capacity, from 0% to 400%', () => {
    for (let percent = 0; percent <= 400; percent++) {
      const advice = adviceOf(judgedAt(percent), 90);
      const label = capacityLabelOf(percent);
      expect({ percent, current: currentCapacityOf(advice), hires: advice.kind === 'hire' }).toEqual({ percent, current: `${percent}% (${label})`, hires: HIRE_LABELS.has(label) });
    }
  });

  it.each<[number, string, RegExp]>([
    [59, '59% (spare capacity)', /^No hire needed: 59% capacity leaves room for more work$/],
    [60, '60% (healthy)', /^No hire needed now: 60% capacity, hiring is advised from 80%$/],
    [79, '79% (healthy)', /^No hire needed now: 79% capacity, hiring is advised from 80%$/],
    [80, '80% (near limit)', /^Hire 1 engineer within 90 days, bringing capacity from 80% to 73%$/],
    [99, '99% (near limit)', /^Hire 4 engineers within 90 days, bringing capacity from 99% to 71%; onboard them in waves of 1 so each has a mentor$/],
    [100, '100% (over capacity)', /^Hire 4 engineers within 90 days, bringing capacity from 100% to 71%; onboard them in waves of 1/],
  ])('at %s%% says %s and agrees in its recommendation', (percent, current, recommendation) => {
    const advice = adviceOf(judgedAt(percent), 90);
    expect(currentCapacityOf(advice)).toBe(current);
    expect(recommendationOf(advice, 0)).toMatch(recommendation);
  });
});
