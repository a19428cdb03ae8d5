import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { stack } from './stack';

/**
 * Direct access to the test stack's table, only to arrange what a test
 * cannot wait for (a day passing). Assertions go through the API.
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
