import type { GithubDelivery } from '../domain/github-delivery';
import { organizationOfInstallation } from '../repositories/github-connections';
import { sqsSyncQueue, type SyncQueue } from './organization-sync';
import { queueRepositoryRead } from './repository-reads';

/** Events that mean a repository's deployments changed (`deployment` only for an app that subscribes to it too). */
const DEPLOYMENT_EVENTS = new Set(['deployment', 'deployment_status']);

/** Events that mean a repository's activity changed (the app's subscriptions, README "Registering the GitHub App"). */
const ACTIVITY_EVENTS = new Set(['push', 'pull_request', 'pull_request_review', 'issues', ...DEPLOYMENT_EVENTS]);

/**
 * GitHub says a repository changed: queue a debounced read of just that
 * repository for the organization holding the installation (none: nothing
 * to do). Answers whether a read was queued by this delivery.
 */
export async function queueRepositoryReadFor(delivery: GithubDelivery, queue: SyncQueue = sqsSyncQueue, now = new Date()): Promise<boolean> {
  const { installationId, repository } = delivery;
  if (!ACTIVITY_EVENTS.has(delivery.event) || installationId === undefined || repository === undefined) return false;
  const orgId = await organizationOfInstallation(installationId);
  if (orgId === undefined) return false;
  return queueRepositoryRead(orgId, installationId, repository, queue, now, { readDeployments: DEPLOYMENT_EVENTS.has(delivery.event) });
}
