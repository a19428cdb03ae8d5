import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeOrganizationName, organizationNameSkeleton } from '../../src/domain/organization-name';
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
 * Moves a signup's 48-hour expiry (its email's and its organization name's)
 * into the past, as if the 48 hours had run out, whether or not it was
 * verified since. DynamoDB Local never deletes expired items, so this is
 * exactly what the API sees 48 hours later.
 */
export async function letPendingSignupExpire(email: string, organizationName: string): Promise<void> {
  const past = Date.now() - 1000;
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
