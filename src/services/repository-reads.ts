import { windowStartOf } from '../domain/analysis/window';
import { claimRepositorySync } from '../repositories/sync-status';
import type { RefreshRepositoriesMessage } from '../schemas/sync';
import type { SyncQueue } from './organization-sync';

/**
 * Reads of single repositories outside any organization sync: a webhook
 * said one changed, or someone asked for fresher data. Requests come in
 * bursts (a push, its pull request, a review; a refresh clicked twice): the
 * first queues one read, delayed by READ_DEBOUNCE_SECONDS, and the others
 * find it already queued until it runs.
 */
export const READ_DEBOUNCE_SECONDS = 10;

/** The sync id of such reads: they count towards no organization sync. */
export const OUTSIDE_SYNC = 'webhook';

/**
 * Queues one debounced read of `repo`; answers whether this call queued it.
 * The read learns `pushed_at` itself (and lists commits and deployments when
 * it moved); `readDeployments` asks for the deployments anyway, for a
 * deployment's webhook.
 */
export async function queueRepositoryRead(
  orgId: string,
  installationId: number,
  repo: string,
  queue: SyncQueue,
  now: Date,
  options: { readonly readDeployments?: boolean } = {},
): Promise<boolean> {
  if (!(await claimRepositorySync({ orgId }, repo, READ_DEBOUNCE_SECONDS, now))) return false;
  await queue.send(
    { kind: 'repository', orgId, syncId: OUTSIDE_SYNC, installationId, repo, pushedAt: null, since: windowStartOf(now), ...(options.readDeployments ? { readDeployments: true } : {}) },
    READ_DEBOUNCE_SECONDS,
  );
  return true;
}

/** A refresh's repositories, each read once however often it is asked for within the debounce. */
export async function queueRepositoryReads(message: RefreshRepositoriesMessage, queue: SyncQueue, now: Date): Promise<void> {
  for (const repo of message.repos) await queueRepositoryRead(message.orgId, message.installationId, repo, queue, now);
}
