import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { recordAuditEntry } from '../repositories/audit-log';

/**
 * A refused attempt to reach another organization's data. The caller gets
 * the same 404 as for something that does not exist; the attempt goes into
 * the caller's audit log and into the audit log of every organization the
 * target belongs to, so their admins can see it.
 */
export async function recordCrossOrganizationAttempt(
  tenant: TenantContext,
  attempt: { resource: string; targetOrganizationIds: readonly string[] },
  log: Logger,
  now = new Date(),
): Promise<void> {
  const entry = {
    event: 'UNAUTHORIZED_ACCESS_ATTEMPT',
    resource: attempt.resource,
    result: 'BLOCKED' as const,
    severity: 'HIGH' as const,
  };
  const writes = [
    recordAuditEntry(tenant, { ...entry, details: { targetOrganizations: attempt.targetOrganizationIds.length } }, now),
    ...attempt.targetOrganizationIds
      .filter((orgId) => orgId !== tenant.orgId)
      .map((orgId) =>
        recordAuditEntry(
          { orgId, userId: tenant.userId, role: tenant.role },
          { ...entry, details: { fromOrganization: tenant.orgId } },
          now,
        ),
      ),
  ];
  for (const outcome of await Promise.allSettled(writes)) {
    if (outcome.status === 'rejected') log.error('access attempt not audited', { error: outcome.reason });
  }
  log.warn('cross-organization attempt blocked', { resource: attempt.resource });
}
