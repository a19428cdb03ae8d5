import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeOrganizationName, organizationNameSkeleton } from '../../src/domain/organization-name';
import { utcDayOf } from '../../src/domain/utc-day';
import { lookupKeys } from '../../src/repositories/keys';
import { stack } from './stack';

/**
 * Direct access to the test stack's table, only to arrange what a test
 * cannot wait for (a day passing) or make through the API (data an older
 * release wrote). Assertions go through the API.
 */
function table() {
  const { dynamodbEndpoint, region } = stack();
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamodbEndpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
}

/** Moves an invitation's expiry into the past, as if its 24 hours had run out. */
export async function expireInvitation(organizationId: string, inviteId: string): Promise<void> {
  await table().send(
    new UpdateCommand({
      TableName: stack().tableName,
      Key: { PK: `ORG#${organizationId}`, SK: `INVITE#${inviteId}` },
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': Date.now() - 1000 },
    }),
  );
}

/** Moves the last verification email's send time back by `ms`, as if that long had passed since. */
export async function backdateVerificationCode(email: string, ms: number): Promise<void> {
  await table().send(
    new UpdateCommand({
      TableName: stack().tableName,
      Key: { PK: `EMAIL#${email.toLowerCase()}`, SK: 'ACCOUNT' },
      UpdateExpression: 'SET verification.sentAt = verification.sentAt - :ms',
      ExpressionAttributeValues: { ':ms': ms },
    }),
  );
}

/**
 * Moves a signup's 48-hour expiry (its email's, its organization name's and
 * its entry in the sweep's index) into the past, as if the 48 hours had run
 * out, whether or not it was verified since. DynamoDB Local never deletes
 * expired items, so this is exactly what the API sees 48 hours later.
 */
export async function letPendingSignupExpire(email: string, organizationName: string): Promise<void> {
  const past = Date.now() - 1000;
  await moveSweepEntry(email, past);
  const keys = [
    { PK: `EMAIL#${email.toLowerCase()}`, SK: 'ACCOUNT' },
    { PK: `ORGNAME#${organizationNameSkeleton(organizationName)}`, SK: 'ORGNAME' },
  ];
  for (const Key of keys) {
    await table().send(
      new UpdateCommand({
        TableName: stack().tableName,
        Key,
        UpdateExpression: 'SET pendingUntil = :past',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':past': past },
      }),
    );
  }
}

/** Makes a pending code look like one stored before attempts were kept per client (no `clients` map). */
export async function storeCodeTheOldWay(email: string): Promise<void> {
  await table().send(
    new UpdateCommand({
      TableName: stack().tableName,
      Key: { PK: `EMAIL#${email.toLowerCase()}`, SK: 'ACCOUNT' },
      UpdateExpression: 'REMOVE verification.clients',
    }),
  );
}

/** An organization name reserved as releases before confusable skeletons did: keyed by its plain normalized form. */
export async function reserveLegacyOrganizationName(name: string): Promise<void> {
  await table().send(
    new PutCommand({
      TableName: stack().tableName,
      Item: { PK: `ORGNAME#${normalizeOrganizationName(name)}`, SK: 'ORGNAME', organizationId: 'org_legacy', name },
    }),
  );
}

const DAY_MS = 86_400_000;

/** The sweep's index entry of the signup that holds (or held) `email`, moved to expire at `pendingUntil`. */
async function moveSweepEntry(email: string, pendingUntil: number): Promise<void> {
  const { Item: account } = await table().send(
    new GetCommand({ TableName: stack().tableName, Key: lookupKeys.emailAccount(email), ConsistentRead: true }),
  );
  const userId = account?.['userId'] as string | undefined;
  if (!userId) return;
  // Written at signup for 48 hours later: in one of the next few days' partitions (or already moved into the past).
  const days = [-1, 0, 1, 2, 3].map((offset) => utcDayOf(new Date(Date.now() + offset * DAY_MS)));
  for (const day of days) {
    const { Items = [] } = await table().send(
      new QueryCommand({
        TableName: stack().tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':pk': `PENDING_SIGNUPS#${day}`, ':userId': userId },
      }),
    );
    for (const entry of Items) {
      await table().send(new DeleteCommand({ TableName: stack().tableName, Key: { PK: entry['PK'], SK: entry['SK'] } }));
      await table().send(
        new PutCommand({ TableName: stack().tableName, Item: { ...entry, ...lookupKeys.pendingSignupEntry(pendingUntil, userId), pendingUntil } }),
      );
    }
  }
}

/** Every item of a partition, as the table holds it now (a strongly consistent Query). */
export async function itemsIn(partition: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await table().send(
    new QueryCommand({
      TableName: stack().tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/** One item, or undefined. */
export async function itemAt(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await table().send(new GetCommand({ TableName: stack().tableName, Key: key, ConsistentRead: true }));
  return Item;
}

/**
 * How many items a partition holds: for the organization's erasure, whose
 * whole point is what is left in the table, which no route can show once
 * the organization is gone.
 */
export async function partitionItemCount(partitionKey: string): Promise<number> {
  const page = await table().send(
    new QueryCommand({ TableName: stack().tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partitionKey }, Select: 'COUNT' }),
  );
  return page.Count ?? 0;
}
