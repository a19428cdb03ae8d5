import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { maxMembersOf, type Plan } from '../domain/plans';
import type { TenantContext } from '../guard/tenant-context';
import { PlanLimitError } from '../errors';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * Seats are counted on the organization record: `seatsUsed` = members +
 * pending invitations. DynamoDB conditions cannot add two attributes, so the
 * sum is kept as its own counter and every change moves it together with its
 * parts, in the same update.
 */
export const UPGRADE_MESSAGE = 'Upgrade to Pro plan for more members';

/**
 * Takes `count` seats for new invitations, or refuses all of them: the
 * condition holds under any number of concurrent invitations.
 */
export async function reserveInvitationSeats(tenant: TenantContext, count: number, plan: Plan): Promise<{ pendingInvitations: number }> {
  const limit = maxMembersOf(plan);
  const upgrade = plan === 'free' ? UPGRADE_MESSAGE : 'Upgrade to Enterprise plan for more members';
  if (limit !== null && count > limit) throw new PlanLimitError(`Your ${plan} plan allows ${limit} members. ${upgrade}`);
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: tenantKeys.organization(tenant),
        UpdateExpression: 'ADD seatsUsed :count, pendingInvitations :count',
        ConditionExpression: limit === null ? '#plan = :plan' : '#plan = :plan AND seatsUsed <= :room',
        ExpressionAttributeNames: { '#plan': 'plan' },
        ExpressionAttributeValues: {
          ':count': count,
          ':plan': plan,
          ...(limit === null ? {} : { ':room': limit - count }),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return { pendingInvitations: Number(Attributes?.['pendingInvitations'] ?? count) };
  } catch (error) {
    if (isConditionalCheckFailure(error)) {
      throw new PlanLimitError(`Your ${plan} plan allows ${limit} members, counting pending invitations. ${upgrade}`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Gives seats back, as one item of a transaction (an ended invitation, a removed member). */
export function seatRelease(tenant: TenantContext, released: { pendingInvitations?: number; members?: number }) {
  const pending = released.pendingInvitations ?? 0;
  const members = released.members ?? 0;
  return {
    Update: {
      TableName: tableName(),
      Key: tenantKeys.organization(tenant),
      UpdateExpression: 'ADD seatsUsed :seats, pendingInvitations :pending, currentMembers :members',
      ExpressionAttributeValues: { ':seats': -(pending + members), ':pending': -pending, ':members': -members },
    },
  };
}

export async function releaseInvitationSeats(tenant: TenantContext, count: number): Promise<void> {
  if (count === 0) return;
  await db().send(new UpdateCommand(seatRelease(tenant, { pendingInvitations: count }).Update));
}

/** A pending invitation becomes a member: the seat stays taken, it only changes kind. */
export function seatConversion(tenant: TenantContext, role: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: tenantKeys.organization(tenant),
      UpdateExpression: 'ADD currentMembers :one, pendingInvitations :minusOne, adminCount :admins',
      ExpressionAttributeValues: { ':one': 1, ':minusOne': -1, ':admins': role === 'admin' ? 1 : 0 },
    },
  };
}
