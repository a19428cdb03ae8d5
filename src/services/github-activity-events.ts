import type { GithubDelivery } from '../domain/github-delivery';
import { organizationOfInstallation } from '../repositories/github-connections';
import { claimRepositorySync } from '../repositories/sync-status';
import { sqsSyncQueue, windowStartOf, type SyncQueue } from './organization-sync';

/** Events that mean a repository's deployments changed (`deployment` only for an app that subscribes to it too). */
const DEPLOYMENT_EVENTS = new Set(['deployment', 'deployment_status']);

/** Events that mean a repository's activity changed (the app's subscriptions, README "Registering the GitHub App"). */
const ACTIVITY_EVENTS = new Set(['push', 'pull_request', 'pull_request_review', 'issues', ...DEPLOYMENT_EVENTS]);

/**
 * Deliveries arrive in bursts (a push, then its pull request, then a
 * review): the first one queues one read of the repository, delayed by
 * this much, and the others until it runs find it already queued.
 */
export const WEBHOOK_DEBOUNCE_SECONDS = 10;

/** A webhook's sync is outside any organization sync: it counts towards none. */
const WEBHOOK_SYNC_ID = 'webhook';

/**
 * GitHub says a repository changed: queue a read of just that repository
 * for the organization holding the installation (none: nothing to do).
 * Answers whether a read was queued by this delivery.
 */
export async function queueRepositoryRead(delivery: GithubDelivery, queue: SyncQueue = sqsSyncQueue, now = new Date()): Promise<boolean> {
  const { installationId, repository } = delivery;
  if (!ACTIVITY_EVENTS.has(delivery.event) || installationId === undefined || repository === undefined) return false;
  const orgId = await organizationOfInstallation(installationId);
  if (orgId === undefined) return false;
  if (!(await claimRepositorySync({ orgId }, repository, WEBHOOK_DEBOUNCE_SECONDS, now))) return false;
  await queue.send(
    {
      kind: 'repository', orgId, syncId: WEBHOOK_SYNC_ID, installationId, repo: repository, pushedAt: null, since: windowStartOf(now),
      // A read of the burst's first delivery: with pushed_at unknown it lists commits, and so deployments, anyway.
      ...(DEPLOYMENT_EVENTS.has(delivery.event) ? { readDeployments: true } : {}),
    },
    WEBHOOK_DEBOUNCE_SECONDS,
  );
  return true;
}
