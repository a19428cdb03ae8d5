import { WINDOW_DAYS } from '../analysis/window';
import { monthOf } from './activity-slices';

/**
 * How synced deployments are stored: the team's, not a person's, so one
 * item per repository and month (by `createdAt`, the time metrics.md
 * counts a deployment at) in the organization's partition. A repository's
 * sync owns its months, as it owns its activity slices.
 *
 * Flow metrics need the window and the window before it (metrics.md
 * "Team flow and delivery": `flow.previous`), so a read goes back two
 * windows, and it is the truth for everything it covers: a stored
 * deployment inside the range read that GitHub no longer lists is gone.
 */
export type DeploymentState = 'success' | 'failure' | 'error' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'waiting';

export const DEPLOYMENT_STATES: readonly DeploymentState[] = ['success', 'failure', 'error', 'inactive', 'in_progress', 'queued', 'pending', 'waiting'];

export interface DeploymentRecord {
  /** `owner/name` as GitHub spells it. */
  readonly repo: string;
  /** GitHub's node id: every deployment has one (GraphQL's 32-bit `databaseId` does not fit every id). */
  readonly nodeId: string;
  /** REST's `id`; null where GraphQL cannot tell it (beyond 2³¹−1). */
  readonly id: number | null;
  readonly sha: string;
  readonly environment: string | null;
  readonly createdAt: string;
  readonly creatorLogin: string | null;
  /** REST's spelling (lower case), as metrics.md names the states; null before any status. */
  readonly latestStatus: { readonly state: DeploymentState; readonly createdAt: string } | null;
}

/** One repository's deployments of one month, `YYYY-MM` (UTC). */
export interface DeploymentMonth {
  readonly repo: string;
  readonly month: string;
  readonly deployments: readonly DeploymentRecord[];
}

/** What one read of a repository's deployments covers: every deployment created at or after `from`. */
export interface DeploymentsRead {
  readonly repo: string;
  readonly from: string;
  readonly deployments: readonly DeploymentRecord[];
}

const DAY_MS = 86_400_000;

/**
 * Where a read of deployments starts, from the first day of the sync's
 * window (`YYYY-MM-DD`): the window before begins one window earlier.
 * Whole seconds, as GitHub writes times, so the two compare as strings.
 */
export const deploymentsReadFrom = (windowStart: string): string =>
  new Date(Date.parse(`${windowStart}T00:00:00Z`) - WINDOW_DAYS * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every month from `from`'s to `to`'s, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = monthOf(from).split('-').map(Number) as [number, number];
  for (let current = monthOf(from); current <= monthOf(to); current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * The months a read must write and those it must delete: every month it
 * covers holds what GitHub listed; only deployments older than the read's
 * start survive from what was stored (in the month the read starts in).
 * A month that would stay as stored is left alone, so a read applied again
 * writes nothing.
 */
export function deploymentMonthsToWrite(
  stored: ReadonlyMap<string, DeploymentMonth>,
  read: DeploymentsRead,
  now: Date,
): { readonly write: DeploymentMonth[]; readonly remove: string[] } {
  const write: DeploymentMonth[] = [];
  const remove: string[] = [];
  for (const month of monthsBetween(read.from, now.toISOString())) {
    const kept = (stored.get(month)?.deployments ?? []).filter((deployment) => deployment.createdAt < read.from);
    const fresh = read.deployments.filter((deployment) => monthOf(deployment.createdAt) === month && deployment.createdAt >= read.from);
    const deployments = [...kept, ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.nodeId.localeCompare(b.nodeId));
    const before = stored.get(month)?.deployments;
    if (deployments.length === 0) {
      if (before) remove.push(month);
    } else if (JSON.stringify(before) !== JSON.stringify(deployments)) {
      write.push({ repo: read.repo, month, deployments });
    }
  }
  return { write, remove };
}
