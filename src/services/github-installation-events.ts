import type { GithubDelivery } from '../domain/github-delivery';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import { organizationOfInstallation, unbindInstallation } from '../repositories/github-connections';
import { unscheduleDailySync } from './sync-schedule';

/** `installation` actions after which the installation can no longer be read: the organization is disconnected. */
const ENDING_ACTIONS = new Set(['deleted', 'suspend']);

/**
 * GitHub says an installation was uninstalled or suspended: its organization,
 * if one holds it, is disconnected as an admin's DELETE would (audited, as
 * done by `github`). Answers whether an organization was disconnected.
 */
export async function applyInstallationEvent(delivery: GithubDelivery, now = new Date()): Promise<boolean> {
  if (delivery.event !== 'installation' || !ENDING_ACTIONS.has(delivery.action ?? '') || delivery.installationId === undefined) return false;
  const orgId = await organizationOfInstallation(delivery.installationId);
  if (orgId === undefined) return false;
  const disconnected = await disconnectEndedInstallation(orgId, delivery.installationId, now);
  if (disconnected) await unscheduleDailySync({ orgId });
  return disconnected;
}

/**
 * Unbinds an installation GitHub has ended, from its webhook or because
 * GitHub refused its token as unknown; answers whether it was still bound.
 * The daily schedule is not touched here: the analytics that call this hold
 * no Scheduler rights, and the schedule removes itself when it next fires.
 */
export async function disconnectEndedInstallation(orgId: string, installationId: number, now = new Date()): Promise<boolean> {
  // Not a caller's context: the audit entry's actor is GitHub itself.
  const byGithub: TenantContext = { orgId, userId: 'github', role: 'admin' };
  try {
    await unbindInstallation(byGithub, installationId, now);
    return true;
  } catch (error) {
    // The organization disconnected (or reconnected another installation) meanwhile, maybe by a sync job
    // that met the same refusal: nothing left to do.
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
