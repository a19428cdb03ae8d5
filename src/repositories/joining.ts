import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError, GoneError } from '../errors';
import { activeAccountPut } from './accounts';
import { auditEntryPut } from './audit-log';
import { db, failedConditionIndexes, tableName, unexplainedWriteError, type TransactItem } from './dynamo';
import type { InvitationRecord } from './invitations';
import { lookupKeys, tenantKeys } from './keys';
import { memberPuts, profilePut } from './member-items';
import { seatConversion } from './seats';

export const INVITATION_GONE = 'This invitation is no longer valid';

export interface Joiner {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  /** Set when the person has no account yet: the reservation that makes their email theirs. */
  readonly newAccount?: { readonly reservationId: string };
}

/**
 * Accepting an invitation in one transaction: the invitation is used (only
 * while pending, unexpired and still carrying this token), the token lookup
 * goes, the seat turns from invitation into member, and the member records
 * (plus profile and account for a new person) appear. Six parallel attempts
 * with one token: one succeeds, the others find the invitation used.
 */
export async function joinOrganization(
  invitation: InvitationRecord,
  joiner: Joiner,
  now: Date,
  /** Deletes of an unverified signup whose address this joiner takes over: they go only if the join happens. */
  discard: readonly TransactItem[] = [],
): Promise<TenantContext> {
  const member: TenantContext = { orgId: invitation.organizationId, userId: joiner.userId, role: invitation.role };
  const joinedAt = now.getTime();
  const items = [
    {
      Update: {
        TableName: tableName(),
        Key: tenantKeys.invitation(member, invitation.inviteId),
        UpdateExpression: 'SET #status = :accepted, acceptedAt = :now, acceptedBy = :userId',
        ConditionExpression: '#status = :pending AND tokenHash = :tokenHash AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':accepted': 'accepted',
          ':pending': 'pending',
          ':tokenHash': invitation.tokenHash,
          ':now': joinedAt,
          ':userId': joiner.userId,
        },
      },
    },
    ...memberPuts(member, {
      email: joiner.email,
      name: joiner.name,
      organizationName: invitation.organizationName,
      githubUsername: invitation.githubUsername,
      invitedBy: invitation.invitedBy,
      joinedAt,
    }),
    { Delete: { TableName: tableName(), Key: lookupKeys.invitationToken(invitation.tokenHash) } },
    seatConversion(member, invitation.role),
    auditEntryPut(
      member,
      {
        event: 'MEMBER_JOINED',
        resource: `member/${joiner.userId}`,
        result: 'SUCCESS',
        severity: 'LOW',
        details: { inviteId: invitation.inviteId, role: invitation.role, invitedBy: invitation.invitedBy },
      },
      now,
    ),
    ...(joiner.newAccount
      ? [
          activeAccountPut({ email: joiner.email, userId: joiner.userId, reservationId: joiner.newAccount.reservationId }),
          profilePut(joiner.userId, {
            email: joiner.email,
            name: joiner.name,
            githubUsername: invitation.githubUsername,
            createdAt: joinedAt,
          }),
        ]
      : []),
    ...discard,
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const failed = failedConditionIndexes(error);
    if (failed?.includes(0)) throw new GoneError(INVITATION_GONE, { cause: error });
    if (failed?.includes(2)) throw new ConflictError('You are already a member of this organization', { cause: error });
    if (invitation.githubUsername && failed?.includes(3)) {
      throw new ConflictError(`Another member of this organization already uses the GitHub username ${invitation.githubUsername}`, {
        cause: error,
      });
    }
    throw unexplainedWriteError(error);
  }
  return member;
}
