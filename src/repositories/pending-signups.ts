import { DeleteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PENDING_SIGNUP_INDEX_TTL_MS, ttlOf } from '../domain/pending-signup';
import type { TenantContext } from '../guard/tenant-context';
import type { PendingSignup } from './accounts';
import { db, isConditionalCheckFailure, lostToAnotherWrite, queryAll, tableName, type TransactItem } from './dynamo';
import { lookupKeys, tenantKeys, type Key } from './keys';

/**
 * What an unverified signup leaves behind once its address or name is taken
 * over: its organization's partition, its user's partition and its GitHub
 * login lookup. An unverified admin can never sign in, so the organization
 * holds only what signup wrote (plus, at most, audit entries of attempts
 * aimed at it); `MAX_DISCARDED` keeps the takeover's transaction within
 * DynamoDB's 100 items whatever is there, and the rest stays, unreachable.
 */
const MAX_DISCARDED = 40;

export async function discardItemsOf(signup: PendingSignup): Promise<TransactItem[]> {
  const owner: TenantContext = { orgId: signup.organizationId, userId: signup.userId, role: 'admin' };
  const [organizationItems, userItems] = await Promise.all([
    queryAll(tenantKeys.partition(owner)),
    queryAll(lookupKeys.userPartition(signup.userId)),
  ]);
  const loginLookups = organizationItems
    .filter((item) => String(item['SK']).startsWith('GHLOGIN#') && typeof item['githubUsername'] === 'string')
    .map((item) => lookupKeys.githubLoginOwner(item['githubUsername'] as string, signup.organizationId));
  const keys = [...organizationItems, ...userItems].map((item) => ({ PK: item['PK'] as string, SK: item['SK'] as string }));
  return [...loginLookups, ...keys].slice(0, MAX_DISCARDED).map((Key) => ({ Delete: { TableName: tableName(), Key } }));
}

/** Deletes the reservation while it is still pending and still this owner's; a no-op otherwise. */
async function deleteWhilePending(key: Key, pendingStatus: string, owner: { field: 'userId' | 'organizationId'; value: string }) {
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: key,
        ConditionExpression: `#status = :pending AND ${owner.field} = :owner`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': pendingStatus, ':owner': owner.value },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
  }
}

/**
 * After a takeover committed: the stale signup's reservations that it still
 * holds. Conditional, so the one this takeover now owns (or anyone else's)
 * stays.
 */
export async function releaseReservationsOf(signup: PendingSignup): Promise<void> {
  await Promise.all([
    deleteWhilePending(lookupKeys.emailAccount(signup.email), 'pending_verification', { field: 'userId', value: signup.userId }),
    releaseNameOf(signup),
  ]);
}

/** The signup's organization name, while it still holds it pending; a no-op otherwise. */
export async function releaseNameOf(signup: PendingSignup): Promise<void> {
  await deleteWhilePending(lookupKeys.organizationName(signup.organizationNameKey), 'pending', {
    field: 'organizationId',
    value: signup.organizationId,
  });
}

/** An unverified signup as the sweep's index keeps it: enough to remove it without reading anything else first. */
export interface ExpiringSignup extends PendingSignup {
  readonly pendingUntil: number;
}

/**
 * The signup's entry in the sweep's index, written in the signup's own
 * transaction. Verification leaves it: the sweep re-checks the account
 * before it acts, and forgets entries that no longer name a pending signup.
 */
export function pendingSignupEntryPut(signup: ExpiringSignup): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...lookupKeys.pendingSignupEntry(signup.pendingUntil, signup.userId),
        userId: signup.userId,
        organizationId: signup.organizationId,
        email: signup.email,
        organizationNameKey: signup.organizationNameKey,
        pendingUntil: signup.pendingUntil,
        ttl: ttlOf(signup.pendingUntil + PENDING_SIGNUP_INDEX_TTL_MS),
      },
    },
  };
}

function toExpiringSignup(item: Record<string, unknown>): ExpiringSignup {
  return {
    userId: item['userId'] as string,
    organizationId: item['organizationId'] as string,
    email: item['email'] as string,
    organizationNameKey: item['organizationNameKey'] as string,
    pendingUntil: item['pendingUntil'] as number,
  };
}

/**
 * Up to `limit` entries of one UTC day's partition whose signup expired by
 * `now`, oldest first (a Query, never a Scan). `more` when the day may hold
 * further ones past the limit.
 */
export async function findExpiredSignups(day: string, now: Date, limit: number): Promise<{ signups: ExpiringSignup[]; more: boolean }> {
  const { PK, skBefore } = lookupKeys.pendingSignupsDue(day, now);
  const signups: ExpiringSignup[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK < :before',
        ExpressionAttributeValues: { ':pk': PK, ':before': skBefore },
        Limit: limit - signups.length,
        ExclusiveStartKey: startKey,
      }),
    );
    signups.push(...(page.Items ?? []).map(toExpiringSignup));
    startKey = page.LastEvaluatedKey;
  } while (startKey && signups.length < limit);
  return { signups, more: startKey !== undefined };
}

/**
 * Removes an expired signup in one transaction: its account (only while it is
 * still this signup's, pending and expired: a verification, a takeover or
 * another sweep meanwhile cancels it all), the items `discardItemsOf` found
 * and its index entry. False when the transaction was cancelled that way.
 */
export async function removeExpiredSignup(signup: ExpiringSignup, discard: readonly TransactItem[], now: Date): Promise<boolean> {
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: lookupKeys.emailAccount(signup.email),
        ConditionExpression: '#status = :pending AND userId = :userId AND pendingUntil <= :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending_verification', ':userId': signup.userId, ':now': now.getTime() },
      },
    },
    ...discard,
    { Delete: { TableName: tableName(), Key: lookupKeys.pendingSignupEntry(signup.pendingUntil, signup.userId) } },
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (lostToAnotherWrite(error)) return false;
    throw error;
  }
}

/** Drops an entry whose signup is no longer pending (verified, taken over, removed): nothing left for the sweep to do. */
export async function forgetPendingSignupEntry(signup: ExpiringSignup): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: lookupKeys.pendingSignupEntry(signup.pendingUntil, signup.userId) }));
}
