import { describe, expect, it } from 'vitest';
import { hasHealthEvidence, overallScoreOf, teamHealthOf } from '../../../../src/domain/reports/team-health';
import type { AnalysedMember } from '../../../../src/domain/reports/team-figures';
import { analysisOf, type Profile } from '../../reports/fixtures';

const engineer = (login: string, profile: Profile): AnalysedMember => ({ name: login, githubUsername: login, analysis: analysisOf(login, profile) });
const dense = (login: string, quality = 6) => engineer(login, { quality, commits: 120, risk: 3 });
const sparse = (login: string, quality = 6) =>
  engineer(login, { quality, commits: 10, risk: 3, metrics: { totalPRs: 0, mergedPRs: 0, reviewCoverage: null, medianPrSize: null } });
const healthOf = (analysed: readonly AnalysedMember[], engineersAtHighRisk = 0) =>
  teamHealthOf({ analysed, overallScore: overallScoreOf(analysed), engineersAtHighRisk, listedRisks: 0 });

describe('team health on the evidence there is', () => {
  it.each<[string, AnalysedMember, boolean]>([
    ['20 commits', engineer('a', { quality: 6, commits: 20, metrics: { totalPRs: 0 } }), true],
    ['19 commits and 5 pull requests', engineer('a', { quality: 6, commits: 19, metrics: { totalPRs: 5 } }), true],
    ['19 commits and 4 pull requests', engineer('a', { quality: 6, commits: 19, metrics: { totalPRs: 4 } }), false],
  ])('counts an engineer with %s: %s', (_case, member, counts) => {
    expect(hasHealthEvidence(member.analysis)).toBe(counts);
  });

  it('is INSUFFICIENT DATA, not NEEDS ATTENTION, for a team of a few commits each', () => {
    expect(healthOf([sparse('a'), sparse('b'), sparse('c')])).toBe('INSUFFICIENT DATA');
  });

  it('is INSUFFICIENT DATA when fewer than half the engineers have enough evidence', () => {
    expect(healthOf([dense('a'), sparse('b'), sparse('c')])).toBe('INSUFFICIENT DATA');
  });

  it('rates a team once half its engineers have enough evidence, from their scores only', () => {
    const team = [dense('a', 6), dense('b', 6), sparse('c', 1), sparse('d', 1)];
    // 0.6 × 6 + 0.4 × (10 − 3) = 6.4: the sparse engineers' 1.0 is left out.
    expect(overallScoreOf(team)).toBe(6.4);
    expect(healthOf(team)).toBe('NEEDS ATTENTION');
  });

  it('still lowers a rated team for its share at high burnout risk', () => {
    expect(healthOf([dense('a', 9), dense('b', 9), dense('c', 9)], 1)).toBe('AT RISK');
  });
});
