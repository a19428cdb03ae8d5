import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { auditEntryPut } from './audit-log';
import { db, tableName, unexplainedWriteError } from './dynamo';
import { tenantKeys, type Key } from './keys';
import { getOwnMember } from './members';

/**
 * A person's own time zone lives on their member record of the caller's
 * organization (`ADMIN#/MEMBER#/VIEWER#<userId>`), not on the profile: the
 * team analysis reads every member record anyway (one Query), so each
 * person's zone comes with no extra read, and a person in two organizations
 * may keep each's convention. A copy goes on their GitHub login's item
 * (`GHLOGIN#<login>`), which the code-quality read already fetches in its
 * one BatchGet. Both are written in one transaction, so they never disagree.
 */
export async function setPersonalTimezone(tenant: TenantContext, timezone: string, now: Date): Promise<void> {
  const member = await getOwnMember(tenant);
  if (!member) throw new NotFoundError('Member not found');
  const login = member.githubUsername || undefined;
  const memberKey = tenantKeys.member(tenant, tenant.role, tenant.userId);
  const setZone = (Key: Key) => ({
    Update: {
      TableName: tableName(),
      Key,
      UpdateExpression: 'SET #timezone = :timezone',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#timezone': 'timezone' },
      ExpressionAttributeValues: { ':timezone': timezone },
    },
  });
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          setZone(memberKey),
          ...(login ? [setZone(tenantKeys.githubLogin(tenant, login))] : []),
          auditEntryPut(
            tenant,
            { event: 'PERSONAL_SETTINGS_UPDATED', resource: `member/${tenant.userId}`, result: 'SUCCESS', severity: 'LOW', details: { timezone } },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    throw unexplainedWriteError(error);
  }
}
