import { GithubNotConnectedError } from '../errors';
import type { TenantContext } from '../guard/tenant-context';
import { connectionOf } from '../repositories/github-connections';
import { syncStatusOf, type SyncStatus } from '../repositories/sync-status';
import { requestSync } from './organization-sync';

/** `GET /sync` (contract "Sync"): the organization's current or last sync; never synced reads as idle with nothing done. */
export function syncView(status: SyncStatus | undefined) {
  if (!status) {
    return { status: 'idle' as const, startedAt: null, finishedAt: null, repositories: { done: 0, total: 0 }, requests: { made: 0, notModified: 0 }, rateLimit: null, lastError: null };
  }
  const { status: state, startedAt, finishedAt, repositories, requests, rateLimit, lastError } = status;
  return { status: state, startedAt, finishedAt, repositories, requests, rateLimit, lastError };
}

export async function describeSync(tenant: TenantContext) {
  return syncView(await syncStatusOf(tenant));
}

/** `POST /sync`: starts one unless one is running (then that one); the listing and the reads happen on the queue. */
export async function startSync(tenant: TenantContext) {
  const connection = await connectionOf(tenant);
  if (!connection) throw new GithubNotConnectedError();
  const { sync } = await requestSync(tenant, connection.installationId);
  return syncView(sync);
}
