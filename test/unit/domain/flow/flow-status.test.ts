import { describe, expect, it } from 'vitest';
import { flowReadingOf, type StoredFlow } from '../../../../src/domain/flow/flow-status';
import { teamDigestOf } from '../../../../src/domain/flow/team-digest';
import { computeTeamFlow } from '../../../../src/domain/flow/team-flow';

const flow = computeTeamFlow({ engineers: [], pullRequests: [], deployments: [], now: new Date('2026-06-01T03:10:00Z'), windowDays: 90, productionEnvironment: 'production' });
const TEAM = teamDigestOf(['ann', 'Ben']);
const stored: StoredFlow = { flow, computedAt: '2026-06-01T03:10:00.000Z', team: TEAM };
const today = { lastFinishedAt: '2026-06-01T03:09:00.000Z', productionEnvironment: 'production', team: TEAM };

describe('which stored team flow the dashboard shows', () => {
  it('It should show no figures, say why, and ask for them, before the worker has computed any', () => {
    expect(flowReadingOf(undefined, today)).toEqual({ flow: null, flowStatus: { state: 'pending', reason: expect.stringContaining('none has been computed yet') }, recompute: true });
  });

  it('It should show the flow as current when it was computed after the last finished sync, for the same team', () => {
    expect(flowReadingOf(stored, today)).toEqual({ flow, flowStatus: { state: 'current', reason: expect.any(String) }, recompute: false });
  });

  it('It should show the figures as outdated, naming their window end, while a newer sync is being counted', () => {
    const reading = flowReadingOf(stored, { ...today, lastFinishedAt: '2026-06-02T03:09:00.000Z' });

    expect(reading.flow).toBe(flow);
    expect(reading.flowStatus).toEqual({ state: 'outdated', reason: expect.stringContaining('2026-06-01T03:10:00.000Z') });
    expect(reading.recompute).toBe(false);
  });

  it('It should show the figures as outdated, and ask for new ones, once an engineer joined or left', () => {
    const reading = flowReadingOf(stored, { ...today, team: teamDigestOf(['ann', 'ben', 'cleo']) });

    expect(reading.flowStatus).toEqual({ state: 'outdated', reason: expect.stringContaining('the team has changed') });
    expect(reading.recompute).toBe(true);
  });

  it('It should show no figures of another production environment than the one now set', () => {
    expect(flowReadingOf(stored, { ...today, productionEnvironment: 'prod' })).toEqual({
      flow: null, flowStatus: { state: 'pending', reason: expect.stringContaining('"prod"') }, recompute: false,
    });
  });

  it("It should treat the environment's name as GitHub does, without regard to case", () => {
    expect(flowReadingOf(stored, { ...today, productionEnvironment: 'Production' }).flowStatus.state).toBe('current');
  });

  it("It should know a team by its logins, in any order and any case, and name none of them", () => {
    expect(teamDigestOf(['Ben', 'ann'])).toBe(TEAM);
    expect(TEAM).not.toMatch(/ann|ben/i);
  });
});
