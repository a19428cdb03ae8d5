import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError, NotFoundError } from '../errors';
import { auditEntryPut } from './audit-log';
import { batchGetItems, db, failedConditionIndexes, queryAll, tableName, unexplainedWriteError } from './dynamo';
import { lookupKeys, tenantKeys } from './keys';
import { seatRelease } from './seats';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationRecord {
  readonly inviteId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly githubUsername?: string;
  readonly invitedBy: string;
  readonly inviterName: string;
  readonly status: InvitationStatus;
  readonly tokenHash: string;
  readonly expiresAt: number;
  readonly createdAt: number;
}

/** A pending invitation past its expiry is expired, whatever the stored status says. */
export function effectiveStatus(invitation: InvitationRecord, now: Date): InvitationStatus {
  return invitation.status === 'pending' && invitation.expiresAt <= now.getTime() ? 'expired' : invitation.status;
}

function toInvitation(item: Record<string, unknown>): InvitationRecord {
  return {
    inviteId: item['inviteId'] as string,
    organizationId: item['organizationId'] as string,
    organizationName: item['organizationName'] as string,
    email: item['email'] as string,
    name: item['name'] as string,
    role: item['role'] as Role,
    githubUsername: item['githubUsername'] as string | undefined,
    invitedBy: item['invitedBy'] as string,
    inviterName: item['inviterName'] as string,
    status: item['status'] as InvitationStatus,
    tokenHash: item['tokenHash'] as string,
    expiresAt: item['expiresAt'] as number,
    createdAt: item['createdAt'] as number,
  };
}

export async function getInvitations(tenant: TenantContext, inviteIds: readonly string[]): Promise<Map<string, InvitationRecord>> {
  const items = await batchGetItems(inviteIds.map((id) => ({ ...tenantKeys.invitation(tenant, id) })));
  return new Map(items.map((item) => [item['inviteId'] as string, toInvitation(item)]));
}

export async function listInvitations(tenant: TenantContext): Promise<InvitationRecord[]> {
  const { PK, skPrefix } = tenantKeys.invitations(tenant);
  const invitations = (await queryAll(PK, skPrefix)).map(toInvitation);
  return invitations.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Writes one invitation, its token lookup and its audit entry together. The
 * condition refuses a second pending invitation for the same email (ids are
 * derived from the email). The seat was reserved before; returns false when
 * the invitation already existed, so the caller gives the seat back.
 */
export async function createInvitation(tenant: TenantContext, invitation: InvitationRecord, now: Date): Promise<boolean> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...tenantKeys.invitation(tenant, invitation.inviteId), type: 'INVITATION', ...invitation },
              ConditionExpression: 'attribute_not_exists(PK) OR #status <> :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...lookupKeys.invitationToken(invitation.tokenHash),
                organizationId: tenant.orgId,
                inviteId: invitation.inviteId,
                ttl: Math.floor(invitation.expiresAt / 1000) + 7 * 24 * 3600,
              },
            },
          },
          auditEntryPut(
            tenant,
            {
              event: 'INVITATION_SENT',
              resource: `invitation/${invitation.inviteId}`,
              result: 'SUCCESS',
              severity: 'LOW',
              details: { email: invitation.email, role: invitation.role },
            },
            now,
          ),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) return false;
    throw unexplainedWriteError(error);
  }
}

/**
 * Ends a pending invitation (revoked, expired, or its email failed) and gives
 * its seat back, in one transaction conditioned on it still being pending.
 */
export async function endPendingInvitation(
  tenant: TenantContext,
  invitation: InvitationRecord,
  status: 'revoked' | 'expired',
  now: Date,
  audit: boolean,
): Promise<boolean> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: tenantKeys.invitation(tenant, invitation.inviteId),
              UpdateExpression: 'SET #status = :ended, endedAt = :now',
              ConditionExpression: '#status = :pending AND tokenHash = :tokenHash',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':ended': status,
                ':now': now.getTime(),
                ':pending': 'pending',
                ':tokenHash': invitation.tokenHash,
              },
            },
          },
          { Delete: { TableName: tableName(), Key: lookupKeys.invitationToken(invitation.tokenHash) } },
          seatRelease(tenant, { pendingInvitations: 1 }),
          ...(audit
            ? [
                auditEntryPut(
                  tenant,
                  {
                    event: status === 'revoked' ? 'INVITATION_REVOKED' : 'INVITATION_EXPIRED',
                    resource: `invitation/${invitation.inviteId}`,
                    result: 'SUCCESS',
                    severity: 'LOW',
                    details: { email: invitation.email },
                  },
                  now,
                ),
              ]
            : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) return false;
    throw unexplainedWriteError(error);
  }
}

export async function revokeInvitation(tenant: TenantContext, inviteId: string, now: Date): Promise<void> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.invitation(tenant, inviteId) }));
  if (!Item) throw new NotFoundError('Invitation not found');
  const invitation = toInvitation(Item);
  if (invitation.status === 'accepted') throw new ConflictError('This invitation was already accepted');
  if (invitation.status !== 'pending') return;
  await endPendingInvitation(tenant, invitation, 'revoked', now, true);
}

/** The invitation a token opens, if the token is one we issued and still the invitation's current one. */
export async function findInvitationByToken(tokenHash: string): Promise<InvitationRecord | undefined> {
  const { Item: pointer } = await db().send(
    new GetCommand({ TableName: tableName(), Key: lookupKeys.invitationToken(tokenHash) }),
  );
  if (!pointer) return undefined;
  const owner = { orgId: pointer['organizationId'] as string, userId: 'invitation-token', role: 'viewer' as const };
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: tenantKeys.invitation(owner, pointer['inviteId'] as string) }),
  );
  if (!Item || Item['tokenHash'] !== tokenHash) return undefined;
  return toInvitation(Item);
}
