import type { Plan } from '../domain/plans';
import type { TenantContext } from '../guard/tenant-context';
import { changePlan, updateSettings } from '../repositories/organization-settings';
import { getOrganization } from '../repositories/organizations';
import type { SettingsBody } from '../schemas/organization';
import { organizationView } from './organization-view';
import { sqsSyncQueue, type SyncQueue } from './organization-sync';
import { moveDailySync } from './sync-schedule';

export async function describeOrganization(tenant: TenantContext) {
  return organizationView(await getOrganization(tenant));
}

/**
 * A new time zone moves everyone's local hours: the sync worker recomputes
 * the stored analyses from stored activity (no GitHub request), and until
 * it has, a read recomputes what it needs itself (their basis names the
 * old zone).
 */
export async function changeSettings(tenant: TenantContext, changes: SettingsBody, now = new Date(), queue: SyncQueue = sqsSyncQueue) {
  await updateSettings(tenant, changes, now);
  const { settings } = await getOrganization(tenant, { consistent: true });
  if (changes.timezone !== undefined) {
    await queue.send({ kind: 'analyses', orgId: tenant.orgId });
    await moveDailySync(tenant, settings.timezone);
  }
  // Flow figures do not depend on the time zone (they are elapsed times and counts), only on which deployments count.
  if (changes.productionEnvironment !== undefined) await queue.send({ kind: 'flow', orgId: tenant.orgId });
  return settings;
}

export async function choosePlan(tenant: TenantContext, plan: Plan, now = new Date()) {
  await changePlan(tenant, plan, now);
  return organizationView(await getOrganization(tenant, { consistent: true }));
}
