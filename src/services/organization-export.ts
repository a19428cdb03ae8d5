import { exportedItem, isInternalItem, kindOf } from '../domain/data-export';
import type { TenantContext } from '../guard/tenant-context';
import { recordAuditEntry } from '../repositories/audit-log';
import { organizationItems } from '../repositories/organization-export';

/**
 * `GET /organization/export`: every item of the organization's partition
 * (one Query, paged by 1 MB), grouped by kind (`ORG`, `MEMBER`, `ACT`,
 * `GITHUB_DATA`, `AUDIT`, …), decoded and with every secret, hash and token
 * left out (src/domain/data-export.ts). The service's own counters and
 * markers are not the organization's data and are left out too. The
 * lookups outside the partition (memberships, login, installation and name
 * lookups) only repeat what the member, login and connection items say.
 */
export async function exportOrganization(tenant: TenantContext, now = new Date()) {
  const items = await organizationItems(tenant);
  const grouped: Record<string, Record<string, unknown>[]> = {};
  for (const item of items) {
    const sortKey = String(item['SK']);
    if (isInternalItem(sortKey)) continue;
    (grouped[kindOf(sortKey)] ??= []).push(exportedItem(item));
  }
  const entry = { event: 'ORGANIZATION_EXPORTED', resource: `organization/${tenant.orgId}`, result: 'SUCCESS', severity: 'MEDIUM', details: { items: items.length } } as const;
  await recordAuditEntry(tenant, entry, now);
  return { organizationId: tenant.orgId, exportedAt: now.toISOString(), items: grouped };
}
