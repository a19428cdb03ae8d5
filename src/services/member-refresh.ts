import { requestSync, sqsSyncQueue, type SyncQueue } from './organization-sync';

/** A refresh names at most this many repositories (the message's limit); a person active in more gets the organization's sync. */
const MAX_REPOSITORIES = 100;

/**
 * `?refresh=true` on one person's analysis: queue a read of the
 * repositories their stored activity is in (the worker debounces each), or
 * a sync of the whole organization when there are none or too many to
 * name. Only the queue is asked; answers how many repositories will be read
 * (0: the organization's sync covers it).
 */
export async function queueMemberRefresh(
  tenant: { readonly orgId: string },
  installationId: number,
  repositories: readonly string[],
  now: Date,
  queue: SyncQueue = sqsSyncQueue,
): Promise<number> {
  if (repositories.length === 0 || repositories.length > MAX_REPOSITORIES) {
    await requestSync(tenant, installationId, queue, now);
    return 0;
  }
  await queue.send({ kind: 'repositories', orgId: tenant.orgId, installationId, repos: [...repositories] });
  return repositories.length;
}
