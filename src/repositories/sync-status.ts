import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * The organization's sync as `GET /sync` shows it (contract "Sync"): one
 * item, `SYNC`, changed by conditional updates only, so concurrent
 * repository jobs and a second `POST /sync` cannot lose progress or start
 * a sync twice. Repositories are counted as a string set of their names:
 * a job delivered twice adds its repository once.
 */
type Tenant = { readonly orgId: string };

export type SyncState = 'idle' | 'running' | 'waiting_for_rate_limit' | 'failed';

export interface SyncStatus {
  readonly syncId: string;
  readonly status: SyncState;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly repositories: { readonly done: number; readonly total: number };
  readonly requests: { readonly made: number; readonly notModified: number };
  readonly rateLimit: { readonly remaining: number; readonly resetAt: string } | null;
  readonly lastError: string | null;
  /** When a sync of this organization first finished: before it, analyses answer 202 syncing. */
  readonly firstFinishedAt: string | null;
  /** When the last sync that read every repository finished: analyses computed before it are out of date. */
  readonly lastFinishedAt: string | null;
  /** Whether the listing has counted the repositories yet (until then `total` is 0 and nothing can finish the sync). */
  readonly totalKnown: boolean;
}

/** A running sync that has not moved for this long is taken to be dead (its jobs lost), and a new one may start. */
export const STALE_SYNC_MS = 2 * 3600_000;

export function toSyncStatus(item: Record<string, unknown>): SyncStatus {
  const done = item['doneRepositories'] instanceof Set ? (item['doneRepositories'] as Set<string>).size : 0;
  const remaining = item['rateLimitRemaining'];
  return {
    syncId: String(item['syncId']),
    status: item['status'] as SyncState,
    startedAt: String(item['startedAt']),
    finishedAt: typeof item['finishedAt'] === 'string' ? item['finishedAt'] : null,
    repositories: { done, total: Number(item['totalRepositories'] ?? 0) },
    requests: { made: Number(item['requestsMade'] ?? 0), notModified: Number(item['requestsNotModified'] ?? 0) },
    rateLimit: typeof remaining === 'number' ? { remaining, resetAt: String(item['rateLimitResetAt']) } : null,
    lastError: typeof item['lastError'] === 'string' ? item['lastError'] : null,
    firstFinishedAt: typeof item['firstFinishedAt'] === 'string' ? item['firstFinishedAt'] : null,
    lastFinishedAt: typeof item['lastFinishedAt'] === 'string' ? item['lastFinishedAt'] : null,
    totalKnown: item['totalKnown'] !== false,
  };
}

export async function syncStatusOf(tenant: Tenant): Promise<SyncStatus | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.sync(tenant), ConsistentRead: true }));
  return Item ? toSyncStatus(Item) : undefined;
}

/**
 * Starts a sync of `total` repositories (null: not listed yet, see
 * syncTotalKnown) unless one is running (and not stale): answers the sync
 * in force and whether this call started it. `replacing` names a sync known
 * to be dead (its jobs lost): that one, and only that one, is replaced.
 */
export async function beginSync(
  tenant: Tenant,
  syncId: string,
  total: number | null,
  now: Date,
  replacing?: string,
): Promise<{ readonly sync: SyncStatus; readonly started: boolean }> {
  const previous = await syncStatusOf(tenant);
  const item = {
    ...tenantKeys.sync(tenant),
    syncId,
    status: total === 0 ? 'idle' : 'running',
    startedAt: now.toISOString(),
    ...(total === 0 ? { finishedAt: now.toISOString() } : {}),
    totalRepositories: total ?? 0,
    totalKnown: total !== null,
    requestsMade: 0,
    requestsNotModified: 0,
    movedAt: now.getTime(),
    // Kept from the syncs before; a sync with nothing to read is finished as it starts.
    ...(previous?.firstFinishedAt ? { firstFinishedAt: previous.firstFinishedAt } : total === 0 ? { firstFinishedAt: now.toISOString() } : {}),
    ...(total === 0 ? { lastFinishedAt: now.toISOString() } : previous?.lastFinishedAt ? { lastFinishedAt: previous.lastFinishedAt } : {}),
  };
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ...(replacing
          ? { ConditionExpression: 'syncId = :dead', ExpressionAttributeValues: { ':dead': replacing } }
          : {
              ConditionExpression: 'attribute_not_exists(PK) OR NOT (#status IN (:running, :waiting)) OR movedAt < :stale',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':running': 'running', ':waiting': 'waiting_for_rate_limit', ':stale': now.getTime() - STALE_SYNC_MS },
            }),
      }),
    );
    // What was written is the status: no read back.
    return { sync: toSyncStatus(item), started: true };
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    // The sync that refused this one is the running one read above (read again only if it appeared since).
    const running = previous && (previous.status === 'running' || previous.status === 'waiting_for_rate_limit');
    return { sync: running ? previous : (await syncStatusOf(tenant))!, started: false };
  }
}

/**
 * One repository of the sync done (idempotent for the repository); the
 * last one finishes the sync. Answers the status after, or undefined when
 * this sync is no longer the organization's (a newer one replaced it).
 */
export async function repositorySynced(
  tenant: Tenant,
  syncId: string,
  repo: string,
  spent: { readonly requests: number; readonly notModified: number },
  now: Date,
): Promise<SyncStatus | undefined> {
  const status = await setIfCurrent(
    tenant,
    syncId,
    'ADD doneRepositories :repo, requestsMade :made, requestsNotModified :notModified SET movedAt = :now, #status = :running REMOVE rateLimitRemaining, rateLimitResetAt',
    { ':repo': new Set([repo.toLowerCase()]), ':made': spent.requests, ':notModified': spent.notModified, ':now': now.getTime(), ':running': 'running' },
  );
  if (!status || !status.totalKnown || status.repositories.done < status.repositories.total) return status;
  return finish(tenant, syncId, now);
}

/**
 * Every repository covered: `idle`, or `failed` when GitHub kept failing on
 * one of them (its `lastError` says which); either way what was read is
 * stored, and analyses rest on it.
 */
async function finish(tenant: Tenant, syncId: string, now: Date): Promise<SyncStatus | undefined> {
  const set = 'SET #status = :status, finishedAt = :finishedAt, lastFinishedAt = :finishedAt, firstFinishedAt = if_not_exists(firstFinishedAt, :finishedAt)';
  const as = (status: SyncState) => ({ ':status': status, ':finishedAt': now.toISOString() });
  const clean = await setIfCurrent(tenant, syncId, set, as('idle'), 'attribute_not_exists(lastError)');
  return clean ?? setIfCurrent(tenant, syncId, set, as('failed'), 'attribute_exists(lastError)');
}

/** GitHub kept failing on one repository: it counts as covered, the sync goes on, and will end `failed` with this message. */
export async function repositoryFailed(tenant: Tenant, syncId: string, repo: string, message: string, now: Date): Promise<SyncStatus | undefined> {
  const status = await setIfCurrent(tenant, syncId, 'ADD doneRepositories :repo SET lastError = :message, movedAt = :now', {
    ':repo': new Set([repo.toLowerCase()]),
    ':message': message,
    ':now': now.getTime(),
  });
  if (!status || !status.totalKnown || status.repositories.done < status.repositories.total) return status;
  return finish(tenant, syncId, now);
}

/**
 * Claims the one queued read of a repository for the next `seconds`: true
 * for the first caller, false while a read is already on its way.
 */
export async function claimRepositorySync(tenant: Tenant, repo: string, seconds: number, now: Date): Promise<boolean> {
  const until = now.getTime() + seconds * 1000;
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...tenantKeys.repositoryReadQueued(tenant, repo), queuedUntil: until, ttl: Math.floor(until / 1000) + 3600 },
        ConditionExpression: 'attribute_not_exists(PK) OR queuedUntil < :now',
        ExpressionAttributeValues: { ':now': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** The listing counted the sync's repositories (and spent `spent` doing so); none at all finishes it at once. */
export async function syncTotalKnown(
  tenant: Tenant,
  syncId: string,
  total: number,
  now: Date,
  spent: { readonly requests: number; readonly notModified: number } = { requests: 0, notModified: 0 },
): Promise<SyncStatus | undefined> {
  const status = await setIfCurrent(tenant, syncId, 'SET totalRepositories = :total, totalKnown = :known, movedAt = :now ADD requestsMade :made, requestsNotModified :notModified', {
    ':total': total, ':known': true, ':now': now.getTime(), ':made': spent.requests, ':notModified': spent.notModified,
  });
  // Jobs that finished before the total was written: the last one could not know it was last.
  if (!status || status.status === 'idle' || status.repositories.done < status.repositories.total) return status;
  return finish(tenant, syncId, now);
}

/** The installation's budget ran out: the sync waits for `resetAt` (its jobs come back then). */
export async function syncWaitsForRateLimit(tenant: Tenant, syncId: string, remaining: number, resetAt: Date, now: Date): Promise<void> {
  await setIfCurrent(tenant, syncId, 'SET #status = :waiting, rateLimitRemaining = :remaining, rateLimitResetAt = :resetAt, movedAt = :now', {
    ':waiting': 'waiting_for_rate_limit',
    ':remaining': remaining,
    ':resetAt': resetAt.toISOString(),
    ':now': now.getTime(),
  });
}

/** A repository that keeps failing: the sync is `failed`, with a message that names no secret. */
export async function syncFailed(tenant: Tenant, syncId: string, message: string, now: Date): Promise<void> {
  await setIfCurrent(tenant, syncId, 'SET #status = :failed, lastError = :message, finishedAt = :finishedAt, movedAt = :now', {
    ':failed': 'failed',
    ':message': message,
    ':finishedAt': now.toISOString(),
    ':now': now.getTime(),
  });
}

/** An update of this sync's record, the status after it; undefined when a newer sync replaced this one (what it says no longer matters). */
async function setIfCurrent(tenant: Tenant, syncId: string, update: string, values: Record<string, unknown>, condition?: string): Promise<SyncStatus | undefined> {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: tenantKeys.sync(tenant),
        UpdateExpression: update,
        ConditionExpression: condition ? `syncId = :id AND ${condition}` : 'syncId = :id',
        ...(update.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ...values, ':id': syncId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? toSyncStatus(Attributes) : undefined;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return undefined;
    throw error;
  }
}
