import { describe, expect, it } from 'vitest';
import { deploymentMonthsToWrite, deploymentsReadFrom, monthsBetween, type DeploymentMonth, type DeploymentRecord } from '../../../src/domain/sync/deployments';

const REPO = 'techstartup/api';
const NOW = new Date('2026-12-02T10:00:00Z');

const deployment = (nodeId: string, createdAt: string, state: 'success' | 'failure' | null = 'success'): DeploymentRecord => ({
  repo: REPO, nodeId, id: Number(nodeId.replace(/\D/g, '')), sha: 'a'.repeat(40), environment: 'production', createdAt, creatorLogin: 'bob-senior',
  latestStatus: state ? { state, createdAt } : null,
});
const stored = (...months: DeploymentMonth[]) => new Map(months.map((month) => [month.month, month]));

describe('deploymentsReadFrom', () => {
  it('It should start one window before the window, at midnight UTC, in whole seconds', () => {
    expect(deploymentsReadFrom('2026-09-03')).toBe('2026-06-05T00:00:00Z');
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2026-06-05T00:00:00Z', '2026-12-02T10:00:00Z', ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']],
    ['2025-11-30T00:00:00Z', '2026-01-01T00:00:00Z', ['2025-11', '2025-12', '2026-01']],
    ['2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', ['2026-12']],
  ])('It should list every month from %s to %s', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
});

describe('deploymentMonthsToWrite', () => {
  it('It should put each deployment in the month it was created, oldest first', () => {
    const read = { repo: REPO, from: '2026-06-05T00:00:00Z', deployments: [deployment('D3', '2026-11-20T10:00:00Z'), deployment('D2', '2026-11-02T10:00:00Z'), deployment('D1', '2026-07-01T10:00:00Z')] };

    const { write, remove } = deploymentMonthsToWrite(new Map(), read, NOW);

    expect(write.map((month) => [month.month, month.deployments.map((entry) => entry.nodeId)])).toEqual([['2026-07', ['D1']], ['2026-11', ['D2', 'D3']]]);
    expect(remove).toEqual([]);
  });

  it('It should replace a stored deployment by what GitHub lists now (its latest status)', () => {
    const before = stored({ repo: REPO, month: '2026-11', deployments: [deployment('D2', '2026-11-02T10:00:00Z', null)] });
    const read = { repo: REPO, from: '2026-06-05T00:00:00Z', deployments: [deployment('D2', '2026-11-02T10:00:00Z', 'failure')] };

    const { write } = deploymentMonthsToWrite(before, read, NOW);

    expect(write).toEqual([{ repo: REPO, month: '2026-11', deployments: [deployment('D2', '2026-11-02T10:00:00Z', 'failure')] }]);
  });

  it('It should write nothing when a read finds what is stored (a job run twice)', () => {
    const read = { repo: REPO, from: '2026-06-05T00:00:00Z', deployments: [deployment('D2', '2026-11-02T10:00:00Z'), deployment('D1', '2026-07-01T10:00:00Z')] };
    const first = deploymentMonthsToWrite(new Map(), read, NOW);

    const again = deploymentMonthsToWrite(stored(...first.write), read, NOW);

    expect(again).toEqual({ write: [], remove: [] });
  });

  it('It should keep what is older than the read in the month it starts in, and drop what the read no longer lists', () => {
    const before = stored({ repo: REPO, month: '2026-06', deployments: [deployment('D0', '2026-06-01T10:00:00Z'), deployment('D1', '2026-06-20T10:00:00Z')] });
    const read = { repo: REPO, from: '2026-06-05T00:00:00Z', deployments: [] };

    const { write } = deploymentMonthsToWrite(before, read, NOW);

    expect(write).toEqual([{ repo: REPO, month: '2026-06', deployments: [deployment('D0', '2026-06-01T10:00:00Z')] }]);
  });

  it('It should delete a month whose every deployment GitHub no longer lists, and leave months before the read alone', () => {
    const before = stored(
      { repo: REPO, month: '2026-05', deployments: [deployment('D9', '2026-05-10T10:00:00Z')] },
      { repo: REPO, month: '2026-10', deployments: [deployment('D5', '2026-10-10T10:00:00Z')] },
    );
    const read = { repo: REPO, from: '2026-06-05T00:00:00Z', deployments: [] };

    expect(deploymentMonthsToWrite(before, read, NOW)).toEqual({ write: [], remove: ['2026-10'] });
  });
});
