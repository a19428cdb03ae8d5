import { describe, expect, it } from 'vitest';
import { namesPerson, withoutFormerMember } from '../../../src/domain/reports/former-member';

const alice = { name: 'Alice Dev', githubUsername: 'alice-dev', email: 'alice@techstartup.test' };
const team = {
  totalMembers: 3,
  averageCodeQuality: 7.5,
  topPerformer: { name: 'Alice Dev', githubUsername: 'alice-dev', codeQualityScore: 9 },
  burnoutRisks: [
    { name: 'Alice Dev', githubUsername: 'alice-dev', riskScore: 8 },
    { name: 'Bob Senior', githubUsername: 'bob-senior', riskScore: 6 },
  ],
  insights: ['Alice Dev carries the late nights', 'Review coverage is 90%'],
  title: 'Report on alice-dev and the team',
  charts: { codeQualityDistribution: [{ band: '8-10', engineers: 2 }] },
};

describe('a report once someone it names has left', () => {
  it('It should keep the aggregates and everyone else as they were', () => {
    const kept = withoutFormerMember(team, alice);
    expect(kept.totalMembers).toBe(3);
    expect(kept.averageCodeQuality).toBe(7.5);
    expect(kept.charts).toEqual(team.charts);
    expect(kept.burnoutRisks).toEqual([team.burnoutRisks[1]]);
    expect(kept.insights).toEqual(['Review coverage is 90%']);
  });

  it('It should leave a field that was the person empty, and withhold the name in text that must stay', () => {
    const kept = withoutFormerMember(team, alice);
    expect(kept.topPerformer).toBeNull();
    expect(kept.title).toBe('Report on [name withheld] and the team');
    expect(namesPerson(kept, alice)).toBe(false);
  });

  it('It should tell whether a report names the person at all', () => {
    expect(namesPerson(team, alice)).toBe(true);
    expect(namesPerson({ insights: ['Bob Senior reviews most'] }, alice)).toBe(false);
  });
});
