import type { TenantContext } from '../guard/tenant-context';
import { logger } from '../http/logger';
import { scheduleOrganization, unscheduleOrganization } from '../integrations/schedules';
import { job } from '../jobs';
import { getOrganization } from '../repositories/organizations';

/**
 * The organization's daily sync: the `github-sync` job's schedule of this
 * organization, at 03:xx in its own time zone (src/jobs.ts). Written on
 * connecting, deleted on disconnecting. Neither may undo what it follows: a
 * failure is logged, connecting still connects (POST /sync still syncs) and
 * a schedule left behind is removed by the worker the next time it fires
 * for an organization that is no longer connected.
 */
export async function scheduleDailySync(tenant: TenantContext, installationId: number): Promise<void> {
  try {
    const { settings } = await getOrganization(tenant);
    await scheduleOrganization(job('github-sync'), tenant.orgId, settings.timezone, { kind: 'scheduled', orgId: tenant.orgId, installationId });
  } catch (error) {
    logger.error('The daily sync could not be scheduled', { orgId: tenant.orgId, installationId, error });
  }
}

export async function unscheduleDailySync(tenant: Pick<TenantContext, 'orgId'>): Promise<void> {
  await unscheduleOrganization(job('github-sync'), tenant.orgId).catch((error: unknown) =>
    logger.error('The daily sync could not be unscheduled', { orgId: tenant.orgId, error }),
  );
}
