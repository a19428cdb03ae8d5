import type { TenantContext } from '../guard/tenant-context';
import { logger } from '../http/logger';
import { scheduleOrganization, unscheduleOrganization } from '../integrations/schedules';
import { job } from '../jobs';
import { connectionOf } from '../repositories/github-connections';
import { getOrganization } from '../repositories/organizations';

/**
 * The organization's daily sync: the `github-sync` job's schedule of this
 * organization, at 03:xx in its own time zone (src/jobs.ts). Written on
 * connecting, deleted on disconnecting. Neither may undo what it follows: a
 * failure is logged, connecting still connects (POST /sync still syncs) and
 * a schedule left behind is removed by the worker the next time it fires
 * for an organization that is no longer connected.
 */
export async function scheduleDailySync(tenant: TenantContext, installationId: number, timezone?: string): Promise<void> {
  try {
    const zone = timezone ?? (await getOrganization(tenant)).settings.timezone;
    await scheduleOrganization(job('github-sync'), tenant.orgId, zone, { kind: 'scheduled', orgId: tenant.orgId, installationId });
  } catch (error) {
    logger.error('The daily sync could not be scheduled', { orgId: tenant.orgId, installationId, error });
  }
}

/** A new time zone moves a connected organization's schedule to 03:xx there; one not connected has none to move. */
export async function moveDailySync(tenant: TenantContext, timezone: string): Promise<void> {
  const connection = await connectionOf(tenant);
  if (connection) await scheduleDailySync(tenant, connection.installationId, timezone);
}

export async function unscheduleDailySync(tenant: Pick<TenantContext, 'orgId'>): Promise<void> {
  await unscheduleOrganization(job('github-sync'), tenant.orgId).catch((error: unknown) =>
    logger.error('The daily sync could not be unscheduled', { orgId: tenant.orgId, error }),
  );
}
