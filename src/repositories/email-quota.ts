import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { msUntilNextUtcDay, utcDayOf } from '../domain/utc-day';
import type { TenantContext } from '../guard/tenant-context';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { tenantKeys } from './keys';

/** Kept a day past its own, so a late refund still finds the counter. */
const KEEP_AFTER_DAY_MS = 86_400_000;

function counter(tenant: Pick<TenantContext, 'orgId'>, now: Date) {
  return { TableName: tableName(), Key: tenantKeys.emailQuota(tenant, utcDayOf(now)) };
}

/**
 * Adds `count` emails to today's counter only if the total stays within
 * `limit`, in one conditional ADD: concurrent batches cannot both slip in
 * under the quota. Returns whether the emails were granted.
 */
export async function takeDailyEmails(tenant: Pick<TenantContext, 'orgId'>, count: number, limit: number, now: Date): Promise<boolean> {
  if (count > limit) return false;
  const ttl = Math.floor((now.getTime() + msUntilNextUtcDay(now) + KEEP_AFTER_DAY_MS) / 1000);
  try {
    await db().send(
      new UpdateCommand({
        ...counter(tenant, now),
        UpdateExpression: 'ADD #sent :count SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#sent': 'sent', '#ttl': 'ttl' },
        ConditionExpression: 'attribute_not_exists(#sent) OR #sent <= :room',
        ExpressionAttributeValues: { ':count': count, ':room': limit - count, ':ttl': ttl },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Gives back emails granted but never sent (a failed send, an invitation that lost a race). */
export async function returnDailyEmails(tenant: Pick<TenantContext, 'orgId'>, count: number, grantedAt: Date): Promise<void> {
  await db().send(
    new UpdateCommand({
      ...counter(tenant, grantedAt),
      UpdateExpression: 'ADD #sent :back',
      ExpressionAttributeNames: { '#sent': 'sent' },
      ConditionExpression: 'attribute_exists(#sent)',
      ExpressionAttributeValues: { ':back': -count },
    }),
  );
}
