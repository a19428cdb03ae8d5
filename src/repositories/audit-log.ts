import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../domain/ids';
import type { TenantContext } from '../guard/tenant-context';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';

export interface AuditEntry {
  readonly event: string;
  readonly resource: string;
  readonly result: 'SUCCESS' | 'FAILURE' | 'BLOCKED';
  readonly severity: Severity;
  readonly details?: Record<string, unknown>;
}

const RETENTION_SECONDS = 365 * 24 * 60 * 60;

function auditItem(tenant: TenantContext, entry: AuditEntry, at: Date) {
  return {
    ...tenantKeys.auditEntry(tenant, at, newId('aud')),
    type: 'AUDIT',
    timestamp: at.getTime(),
    userId: tenant.userId,
    organizationId: tenant.orgId,
    ...entry,
    ttl: Math.floor(at.getTime() / 1000) + RETENTION_SECONDS,
  };
}

/** The audit entry as one item of a larger transaction, so it lands with the change it records. */
export function auditEntryPut(tenant: TenantContext, entry: AuditEntry, at: Date) {
  return { Put: { TableName: tableName(), Item: auditItem(tenant, entry, at) } };
}

export async function recordAuditEntry(tenant: TenantContext, entry: AuditEntry, at: Date): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: auditItem(tenant, entry, at) }));
}

export interface StoredAuditEntry extends AuditEntry {
  readonly timestamp: number;
  readonly userId: string;
  readonly organizationId: string;
}

/** One page of the organization's audit log, newest first; `after` is the sort key the last page ended on. */
export async function listAuditEntries(
  tenant: TenantContext,
  limit: number,
  after?: string,
): Promise<{ entries: StoredAuditEntry[]; lastKey?: string }> {
  const { PK, skPrefix } = tenantKeys.auditEntries(tenant);
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': skPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { PK, SK: after } } : {}),
    }),
  );
  const entries = (page.Items ?? []).map((item) => ({
    timestamp: item['timestamp'] as number,
    event: item['event'] as string,
    userId: item['userId'] as string,
    organizationId: item['organizationId'] as string,
    resource: item['resource'] as string,
    result: item['result'] as AuditEntry['result'],
    severity: item['severity'] as Severity,
    details: item['details'] as Record<string, unknown> | undefined,
  }));
  return { entries, lastKey: page.LastEvaluatedKey?.['SK'] as string | undefined };
}
