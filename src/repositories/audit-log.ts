import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../domain/ids';
import type { TenantContext } from '../guard/tenant-context';
import { db, queryPageNewestFirst, tableName } from './dynamo';
import { tenantKeys, type Key } from './keys';

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

/** An audit entry on its own, for an action that writes nothing else (an export, an erasure of personal data). */
export async function recordAuditEntry(tenant: TenantContext, entry: AuditEntry, at: Date): Promise<void> {
  await db().send(new PutCommand(auditEntryPut(tenant, entry, at).Put));
}

const HOUR_MS = 3_600_000;
/** Entry writes of an attempt on one other organization: the caller's log and the target's. */
const WRITES_PER_ATTEMPT = 2;

export interface Attempt {
  /** The organization whose resource was tried, or `-` when it exists nowhere. */
  readonly otherOrgId: string;
  readonly resource: string;
  /** The audit logs the attempt goes into, each with its own entry. */
  readonly logs: ReadonlyArray<{ readonly orgId: string; readonly entry: AuditEntry }>;
}

/**
 * One more attempt of the attacker at a resource of `otherOrgId` in this
 * hour, in every log of `attempt.logs`: a resource's first attempt in the
 * hour creates its entry, every later one adds to its `count`. No
 * read-then-write: a bucket item in the attacker's partition (attacker ×
 * other organization × hour) counts the attempts and fixes where the
 * entries sort (`if_not_exists`, so every racer gets the winner's: the time
 * of the hour's first attempt, so the logs stay in time order), then each
 * entry gets `ADD count :one`; 41 parallel attempts give count 41. Returns
 * the bucket's attempts so far (1: the first against that organization this hour).
 */
export async function countAttempt(attacker: TenantContext, attempt: Attempt, now: Date): Promise<number> {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const mine = tenantKeys.auditEntry(attacker, now, newId('aud')).SK;
  const bucketKey = tenantKeys.attemptBucket(attacker, { hour, attackerUserId: attacker.userId, otherOrgId: attempt.otherOrgId });
  const bucket = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: bucketKey,
      UpdateExpression: 'SET entrySk = if_not_exists(entrySk, :sk), #ttl = if_not_exists(#ttl, :ttl) ADD attempts :one',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':sk': mine, ':ttl': Math.floor(((hour + 2) * HOUR_MS) / 1000), ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const entryKey = (orgId: string) => tenantKeys.attemptEntry({ orgId }, bucket.Attributes?.['entrySk'] as string, attempt.resource);
  // Constant work: an attempt that reached nobody (one log) makes as many writes as one on another
  // organization (two logs), the other one on its bucket, so the answer's timing tells them apart no more than its body.
  const padding = Array.from({ length: Math.max(0, WRITES_PER_ATTEMPT - attempt.logs.length) }, () => bucketKey);
  await Promise.all([
    ...attempt.logs.map(({ orgId, entry }) => addToEntry(entryKey(orgId), attacker.userId, orgId, entry, now)),
    ...padding.map((key) => markLastAttempt(key, now)),
  ]);
  return Number(bucket.Attributes?.['attempts'] ?? 1);
}

function markLastAttempt(key: Key, now: Date) {
  return db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET lastAttemptAt = :now',
      ExpressionAttributeValues: { ':now': now.getTime() },
    }),
  );
}

function addToEntry(key: Key, userId: string, orgId: string, entry: AuditEntry, now: Date) {
  return db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression:
        'SET #type = :type, #timestamp = if_not_exists(#timestamp, :now), userId = :user, organizationId = :org, #event = :event, #resource = :resource, #result = :result, severity = :severity, details = :details, #ttl = if_not_exists(#ttl, :ttl), lastAttemptAt = :now ADD #count :one',
      ExpressionAttributeNames: {
        '#type': 'type',
        '#timestamp': 'timestamp',
        '#event': 'event',
        '#resource': 'resource',
        '#result': 'result',
        '#ttl': 'ttl',
        '#count': 'count',
      },
      ExpressionAttributeValues: {
        ':type': 'AUDIT',
        ':user': userId,
        ':org': orgId,
        ':event': entry.event,
        ':resource': entry.resource,
        ':result': entry.result,
        ':severity': entry.severity,
        ':details': entry.details ?? {},
        ':ttl': Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
        ':now': now.getTime(),
        ':one': 1,
      },
    }),
  );
}

export interface StoredAuditEntry extends AuditEntry {
  readonly timestamp: number;
  readonly userId: string;
  readonly organizationId: string;
  /** Attempts this entry stands for (repeated attempts of one attacker in one hour), and the latest one's time. */
  readonly count?: number;
  readonly lastAttemptAt?: number;
}

/** One page of the organization's audit log, newest first; `after` is the sort key the last page ended on. */
export async function listAuditEntries(
  tenant: TenantContext,
  limit: number,
  after?: string,
): Promise<{ entries: StoredAuditEntry[]; lastKey?: string }> {
  const page = await queryPageNewestFirst(tenantKeys.auditEntries(tenant), limit, after);
  const entries = page.items.map((item) => ({
    timestamp: item['timestamp'] as number,
    event: item['event'] as string,
    userId: item['userId'] as string,
    organizationId: item['organizationId'] as string,
    resource: item['resource'] as string,
    result: item['result'] as AuditEntry['result'],
    severity: item['severity'] as Severity,
    details: item['details'] as Record<string, unknown> | undefined,
    count: item['count'] as number | undefined,
    lastAttemptAt: item['lastAttemptAt'] as number | undefined,
  }));
  return { entries, ...(page.lastKey ? { lastKey: page.lastKey } : {}) };
}
