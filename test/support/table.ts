import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeOrganizationName } from '../../src/domain/organization-name';
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

/** An organization name reserved as releases before confusable skeletons did: keyed by its plain normalized form. */
export async function reserveLegacyOrganizationName(name: string): Promise<void> {
  await table().send(
    new PutCommand({
      TableName: stack().tableName,
      Item: { PK: `ORGNAME#${normalizeOrganizationName(name)}`, SK: 'ORGNAME', organizationId: 'org_legacy', name },
    }),
  );
}
