import { describe, expect, it } from 'vitest';
import { analysisReadWhat, partsNaming, peopleIn, reportAccessRecords } from '../../../src/domain/access-log';

const alice = { name: 'Alice Dev', githubUsername: 'alice-dev' };
const bob = { name: 'Bob Senior', githubUsername: 'bob-senior' };
const viewer = { name: 'Sarah Manager', role: 'admin' as const };

const report = {
  reportId: 'rpt_1',
  teamOverview: { size: 4 },
  keyFindings: { burnout: ['Alice Dev shows 45% late-night commits'] },
  individuals: { topPerformer: { ...bob, codeQualityScore: 9.8 }, needsSupport: null, burnoutRisks: [{ ...alice, riskScore: 8 }] },
};

describe('the access log of the people measured', () => {
  it.each([
    [new Set(['codeQuality', 'burnoutRisk', 'commitDetails', 'personalInsights'] as const), 'analysis: codeQuality, burnoutRisk, commitDetails, personalInsights'],
    [new Set(['codeQuality'] as const), 'analysis: codeQuality'],
    [new Set([] as const), 'analysis: no figures'],
  ])('It should say which figures of an analysis were shown: %o', (figures, what) => {
    expect(analysisReadWhat(figures)).toBe(what);
  });

  it('It should find everyone a stored report holds, once each', () => {
    expect(peopleIn([report, { pending: [alice] }])).toEqual([bob, alice]);
  });

  it('It should name the parts of a view that mention a person, the named fields of an executive report one by one', () => {
    expect(partsNaming(report, alice)).toEqual(['keyFindings', 'individuals.burnoutRisks']);
    expect(partsNaming(report, bob)).toEqual(['individuals.topPerformer']);
  });

  it('It should make a record for each person the view names, never for the reader themself', () => {
    const records = reportAccessRecords({ view: report, people: [alice, bob], viewer, readerLogin: 'BOB-SENIOR', report: 'report rpt_1' });
    expect(records).toEqual([{ login: 'alice-dev', viewer, what: 'report rpt_1: keyFindings, individuals.burnoutRisks' }]);
  });

  it('It should make no record for someone the view shows only by label', () => {
    const anonymous = { keyFindings: { burnout: ['Engineer A shows 45% late-night commits'] } };
    expect(reportAccessRecords({ view: anonymous, people: [alice], viewer, report: 'report rpt_1' })).toEqual([]);
  });

  it('It should not take a sentence about dan-dev2 (or Dan Devlin) for one about dan-dev (Dan Dev)', () => {
    const dan = { name: 'Dan Dev', githubUsername: 'dan-dev' };
    const view = { insights: ['dan-dev2 merged 40 pull requests', 'Dan Devlin reviews most'], burnoutRisks: [{ name: 'Dan Dev', githubUsername: 'dan-dev' }] };

    expect(partsNaming(view, dan)).toEqual(['burnoutRisks']);
    expect(partsNaming({ insights: ['(dan-dev) leads reviews'] }, dan)).toEqual(['insights']);
  });
});
