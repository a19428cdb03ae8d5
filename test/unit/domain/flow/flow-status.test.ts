import { describe, expect, it } from 'vitest';
import { flowReadingOf, type StoredFlow } from '../../../../src/domain/flow/flow-status';
import { computeTeamFlow } from '../../../../src/domain/flow/team-flow';

const flow = computeTeamFlow({ engineers: [], pullRequests: [], deployments: [], now: new Date('2026-06-01T03:10:00Z'), windowDays: 90, productionEnvironment: 'production' });
const stored: StoredFlow = { flow, computedAt: '2026-06-01T03:10:00.000Z' };

describe('which stored team flow the dashboard shows', () => {
  it('It should show no figures, and say why, before the worker has computed any', () => {
    expect(flowReadingOf(undefined, '2026-06-01T03:09:00.000Z', 'production')).toEqual({ flow: null, flowStatus: { state: 'pending', reason: expect.stringContaining('none has been computed yet') } });
  });

  it('It should show the flow as current when it was computed after the last finished sync', () => {
    expect(flowReadingOf(stored, '2026-06-01T03:09:00.000Z', 'production')).toEqual({ flow, flowStatus: { state: 'current', reason: expect.any(String) } });
  });

  it('It should show the figures as outdated, naming their window end, while a newer sync is being counted', () => {
    const reading = flowReadingOf(stored, '2026-06-02T03:09:00.000Z', 'production');

    expect(reading.flow).toBe(flow);
    expect(reading.flowStatus).toEqual({ state: 'outdated', reason: expect.stringContaining('2026-06-01T03:10:00.000Z') });
  });

  it('It should show no figures of another production environment than the one now set', () => {
    expect(flowReadingOf(stored, null, 'prod')).toEqual({ flow: null, flowStatus: { state: 'pending', reason: expect.stringContaining('"prod"') } });
  });

  it("It should treat the environment's name as GitHub does, without regard to case", () => {
    expect(flowReadingOf(stored, null, 'Production').flowStatus.state).toBe('current');
  });
});
