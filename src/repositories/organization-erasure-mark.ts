import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError, ValidationError } from '../errors';
import { auditEntryPut } from './audit-log';
import { db, failedConditionIndexes, tableName, unexplainedWriteError } from './dynamo';
import { tenantKeys } from './keys';

const WRONG_CONFIRM = 'confirm must be the organization\'s name, exactly as it is written';

function refuseConfirm(cause?: unknown): ValidationError {
  return new ValidationError(WRONG_CONFIRM, [{ path: 'body.confirm', message: "Not this organization's name" }], cause ? { cause } : undefined);
}

/**
 * Marks the organization for erasure, with its audit entry, when `confirm`
 * is its name: conditional on the name, so a rename in between refuses
 * rather than erases. Returns the name.
 */
export async function markForErasure(tenant: TenantContext, confirm: string, now: Date): Promise<string> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.organization(tenant), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('Organization not found');
  if (Item['name'] !== confirm) throw refuseConfirm();
  // Conditional on the name read above, so the mark and its audit entry land only for the name that was typed.
  const mark = {
    Update: {
      TableName: tableName(),
      Key: tenantKeys.organization(tenant),
      UpdateExpression: 'SET erasureRequestedAt = if_not_exists(erasureRequestedAt, :now)',
      ConditionExpression: '#name = :name',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':now': now.getTime(), ':name': confirm },
    },
  };
  const entry = { event: 'ORGANIZATION_ERASURE_REQUESTED', resource: `organization/${tenant.orgId}`, result: 'SUCCESS', severity: 'HIGH' } as const;
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [mark, auditEntryPut(tenant, entry, now)] }));
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) throw refuseConfirm(error);
    throw unexplainedWriteError(error);
  }
  return confirm;
}

