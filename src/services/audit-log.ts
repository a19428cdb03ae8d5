import type { TenantContext } from '../guard/tenant-context';
import { ValidationError } from '../errors';
import { listAuditEntries } from '../repositories/audit-log';
import { sign, signatureMatches } from './secret-box';

const CURSOR_PURPOSE = 'audit-cursor';

/** Cursors are signed for one organization: a forged one, or one from another organization, is refused. */
async function encodeCursor(tenant: TenantContext, lastKey: string): Promise<string> {
  const position = Buffer.from(lastKey).toString('base64url');
  return `${position}.${await sign(CURSOR_PURPOSE, `${tenant.orgId}|${lastKey}`)}`;
}

async function decodeCursor(tenant: TenantContext, cursor: string): Promise<string> {
  const [position, signature, extra] = cursor.split('.');
  const lastKey = position ? Buffer.from(position, 'base64url').toString('utf8') : '';
  if (extra !== undefined || !signature || !lastKey || !(await signatureMatches(CURSOR_PURPOSE, `${tenant.orgId}|${lastKey}`, signature))) {
    throw new ValidationError('Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this server issued for you' }]);
  }
  return lastKey;
}

export async function auditLogPage(tenant: TenantContext, limit: number, cursor?: string) {
  const after = cursor ? await decodeCursor(tenant, cursor) : undefined;
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
    nextCursor: lastKey ? await encodeCursor(tenant, lastKey) : null,
  };
}
