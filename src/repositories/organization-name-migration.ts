import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { organizationNameSkeleton } from '../domain/organization-name';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { lookupKeys } from './keys';

/**
 * An operator's one-off, kept apart from the request paths because it Scans
 * the table (`scripts/migrate-organization-names.ts`).
 */
export interface NameMigration {
  /** Names now reserved under their skeleton too. */
  readonly rekeyed: number;
  /** Old names whose skeleton another organization already holds: both keep their names; listed for a person to look at. */
  readonly collisions: readonly { readonly name: string; readonly organizationId: string }[];
}

/**
 * One-off, for tables written before names were reserved by their skeleton
 * (`scripts/migrate-organization-names.ts`; a Scan, never in a request): each
 * `ORGNAME#<normalized>` item gets a twin under its skeleton, so lookalikes
 * of old names are refused too. The old item stays, so the old name is still
 * found under its old key. Safe to run again.
 */
export async function reserveOldNamesBySkeleton(): Promise<NameMigration> {
  let rekeyed = 0;
  const collisions: { name: string; organizationId: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(PK, :prefix) AND SK = :sk',
        ExpressionAttributeValues: { ':prefix': lookupKeys.organizationNames.pkPrefix, ':sk': lookupKeys.organizationNames.SK },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const name = item['name'] as string;
      const organizationId = item['organizationId'] as string;
      const key = lookupKeys.organizationName(organizationNameSkeleton(name));
      if (key.PK === item['PK']) continue;
      try {
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...key, organizationId, name },
            ConditionExpression: 'attribute_not_exists(PK) OR organizationId = :same',
            ExpressionAttributeValues: { ':same': organizationId },
          }),
        );
        rekeyed += 1;
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
        collisions.push({ name, organizationId });
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { rekeyed, collisions };
}
