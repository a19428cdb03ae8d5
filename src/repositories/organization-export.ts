import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * The organization's partition in key order, one DynamoDB Query page (up to
 * 1 MB) at a time, from just after `after` (a sort key) for an export that
 * goes on where its last part stopped.
 */
export async function* partitionPagesAfter(tenant: Pick<TenantContext, 'orgId'>, after?: string): AsyncGenerator<Record<string, unknown>[]> {
  const partition = tenantKeys.partition(tenant);
  let startKey: Record<string, unknown> | undefined = after ? { PK: partition, SK: after } : undefined;
  do {
    const page = await db().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partition }, ExclusiveStartKey: startKey }),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
