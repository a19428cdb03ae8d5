import type { TenantContext } from '../guard/tenant-context';
import { listAuditEntries } from '../repositories/audit-log';
import { decodeCursor, encodeCursor } from './signed-cursor';

const CURSOR_PURPOSE = 'audit-cursor';

export async function auditLogPage(tenant: TenantContext, limit: number, cursor?: string) {
  const after = cursor ? await decodeCursor(CURSOR_PURPOSE, tenant, cursor) : undefined;
  const { entries, lastKey } = await listAuditEntries(tenant, limit, after);
  return {
    items: entries.map((entry) => ({
      timestamp: new Date(entry.timestamp).toISOString(),
      event: entry.event,
      userId: entry.userId,
      resource: entry.resource,
      result: entry.result,
      severity: entry.severity,
      ...(entry.count !== undefined ? { count: entry.count } : {}),
      ...(entry.lastAttemptAt !== undefined ? { lastAttemptAt: new Date(entry.lastAttemptAt).toISOString() } : {}),
      ...(entry.details && Object.keys(entry.details).length > 0 ? { details: entry.details } : {}),
    })),
    nextCursor: lastKey ? await encodeCursor(CURSOR_PURPOSE, tenant, lastKey) : null,
  };
}
