import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './dynamo';
import { lookupKeys } from './keys';

/**
 * The user's latest refresh token, sealed, and the organization they last
 * chose at login. Switching organization needs new tokens without the
 * password; Cognito mints them from a refresh token. The chosen organization
 * is where a later login without `organizationId` lands; switching
 * organization (on any device) never changes it.
 */
export async function saveSealedRefreshToken(
  userId: string,
  sealed: string,
  expiresAt: number,
  loginOrganizationId: string | undefined,
): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...lookupKeys.session(userId),
        sealedRefreshToken: sealed,
        expiresAt,
        loginOrganizationId,
        ttl: Math.floor(expiresAt / 1000),
      },
    }),
  );
}

export async function loadSealedRefreshToken(userId: string, now: Date): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.session(userId) }));
  if (!Item || (Item['expiresAt'] as number) <= now.getTime()) return undefined;
  return Item['sealedRefreshToken'] as string;
}
