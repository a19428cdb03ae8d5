import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import type { PendingSignup } from './accounts';
import { db, isConditionalCheckFailure, queryAll, tableName, type TransactItem } from './dynamo';
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
    deleteWhilePending(lookupKeys.organizationName(signup.organizationNameKey), 'pending', {
      field: 'organizationId',
      value: signup.organizationId,
    }),
  ]);
}
