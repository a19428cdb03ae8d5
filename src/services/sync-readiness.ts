import { FirstSyncPendingError } from '../errors';
import type { GithubConnection } from '../repositories/github-connections';
import type { SyncStatus } from '../repositories/sync-status';
import { requestSync } from './organization-sync';
import { syncView } from './sync';

/** How soon a client asking during the first sync should ask again, when GitHub's budget is not what holds it up. */
const RETRY_DURING_SYNC_SECONDS = 5;

/**
 * Analytics rest on a finished sync (contract "Sync"): before the first one
 * has finished, every analysis and dashboard answers `202 syncing` with the
 * sync's progress. A connected organization with no sync at all (its first
 * one was never queued) gets one started here; only the queue is asked.
 */
export async function requireFirstSync(
  tenant: { readonly orgId: string },
  connection: GithubConnection,
  sync: SyncStatus | undefined,
  now: Date,
): Promise<SyncStatus> {
  if (sync?.firstFinishedAt) return sync;
  const current = sync ?? (await requestSync(tenant, connection.installationId, undefined, now)).sync;
  throw new FirstSyncPendingError(syncView(current), retryAfterOf(current, now));
}

function retryAfterOf(sync: SyncStatus, now: Date): number {
  if (sync.status !== 'waiting_for_rate_limit' || !sync.rateLimit) return RETRY_DURING_SYNC_SECONDS;
  return Math.max(RETRY_DURING_SYNC_SECONDS, Math.ceil((Date.parse(sync.rateLimit.resetAt) - now.getTime()) / 1000));
}
