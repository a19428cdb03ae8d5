import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ROLES, isRole, type Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import { auditEntryPut } from './audit-log';
import { db, failedConditionIndexes, queryAll, tableName, unexplainedWriteError } from './dynamo';
import { lookupKeys, tenantKeys } from './keys';
import { githubLoginDeletes } from './member-items';

export interface Member {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly githubUsername?: string;
  readonly joinedAt: number;
  /** Their own IANA time zone (`PUT /me/settings`), when they set one. */
  readonly timezone?: string;
}

const LAST_ADMIN = 'An organization needs at least one admin; make someone else admin first';

function toMember(item: Record<string, unknown>): Member {
  return {
    userId: item['userId'] as string,
    name: item['name'] as string,
    email: item['email'] as string,
    role: item['role'] as Role,
    githubUsername: (item['githubUsername'] as string | undefined) ?? undefined,
    joinedAt: item['joinedAt'] as number,
    ...(typeof item['timezone'] === 'string' ? { timezone: item['timezone'] } : {}),
  };
}

/** Members of the given roles: one Query per role prefix (the story's `ADMIN#`, `MEMBER#`, `VIEWER#`), in parallel. */
export async function listMembers(tenant: Pick<TenantContext, 'orgId'>, roles: readonly Role[] = ROLES): Promise<Member[]> {
  const pages = await Promise.all(
    roles.map((role) => {
      const { PK, skPrefix } = tenantKeys.membersOfRole(tenant, role);
      return queryAll(PK, skPrefix);
    }),
  );
  return pages.flat().map(toMember).sort((a, b) => a.joinedAt - b.joinedAt);
}

/** The caller's own member record in their organization (one GetItem, the key from the context only). */
export async function getOwnMember(tenant: TenantContext): Promise<Member | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: tenantKeys.member(tenant, tenant.role, tenant.userId), ConsistentRead: true }),
  );
  return Item ? toMember(Item) : undefined;
}

/** A member as stored, with every attribute, so a role change can move the record without losing any. */
export interface StoredMember extends Member {
  readonly item: Record<string, unknown>;
}

/** A member of the caller's organization, or undefined: another organization's user is simply not found. */
export async function findMember(tenant: TenantContext, userId: string): Promise<StoredMember | undefined> {
  const { Item: membership } = await db().send(
    new GetCommand({ TableName: tableName(), Key: lookupKeys.membership(userId, tenant.orgId) }),
  );
  if (!membership || membership['status'] !== 'active' || !isRole(membership['role'])) return undefined;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: tenantKeys.member(tenant, membership['role'], userId) }),
  );
  return Item ? { ...toMember(Item), item: Item } : undefined;
}

/** Admin count change as a transaction item; demoting or removing an admin needs another one left. */
function adminCountChange(tenant: TenantContext, delta: number) {
  return {
    Update: {
      TableName: tableName(),
      Key: tenantKeys.organization(tenant),
      UpdateExpression: 'ADD adminCount :delta',
      ...(delta < 0 ? { ConditionExpression: 'adminCount > :one' } : {}),
      ExpressionAttributeValues: { ':delta': delta, ...(delta < 0 ? { ':one': 1 } : {}) },
    },
  };
}

/** Moves the member record to its new role prefix and updates the membership the guard reads, atomically. */
export async function changeRole(tenant: TenantContext, member: StoredMember, role: Role, now: Date): Promise<void> {
  const adminDelta = (role === 'admin' ? 1 : 0) - (member.role === 'admin' ? 1 : 0);
  const items = [
    {
      Delete: {
        TableName: tableName(),
        Key: tenantKeys.member(tenant, member.role, member.userId),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...member.item, ...tenantKeys.member(tenant, role, member.userId), role },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: lookupKeys.membership(member.userId, tenant.orgId),
        UpdateExpression: 'SET #role = :role',
        ConditionExpression: '#role = :from AND #status = :active',
        ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
        ExpressionAttributeValues: { ':role': role, ':from': member.role, ':active': 'active' },
      },
    },
    ...(adminDelta !== 0 ? [adminCountChange(tenant, adminDelta)] : []),
    auditEntryPut(
      tenant,
      {
        event: 'ROLE_CHANGED',
        resource: `member/${member.userId}`,
        result: 'SUCCESS',
        severity: 'MEDIUM',
        details: { from: member.role, to: role },
      },
      now,
    ),
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (adminDelta < 0 && failedConditionIndexes(error)?.includes(3)) throw new ConflictError(LAST_ADMIN, { cause: error });
    throw unexplainedWriteError(error);
  }
}

/** Removes the member records and gives the seat back; the guard refuses their tokens from the next request on. */
export async function removeMember(tenant: TenantContext, member: Member, now: Date): Promise<void> {
  const isAdmin = member.role === 'admin';
  const items = [
    { Delete: { TableName: tableName(), Key: tenantKeys.member(tenant, member.role, member.userId) } },
    ...(member.githubUsername ? githubLoginDeletes(tenant, member.githubUsername) : []),
    {
      Delete: {
        TableName: tableName(),
        Key: lookupKeys.membership(member.userId, tenant.orgId),
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: tenantKeys.organization(tenant),
        UpdateExpression: 'ADD currentMembers :minusOne, seatsUsed :minusOne, adminCount :admins',
        ...(isAdmin ? { ConditionExpression: 'adminCount > :one' } : {}),
        ExpressionAttributeValues: { ':minusOne': -1, ':admins': isAdmin ? -1 : 0, ...(isAdmin ? { ':one': 1 } : {}) },
      },
    },
    auditEntryPut(
      tenant,
      {
        event: 'MEMBER_REMOVED',
        resource: `member/${member.userId}`,
        result: 'SUCCESS',
        severity: 'MEDIUM',
        details: { email: member.email, role: member.role },
      },
      now,
    ),
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const organizationUpdate = member.githubUsername ? 4 : 2;
    if (isAdmin && failedConditionIndexes(error)?.includes(organizationUpdate)) throw new ConflictError(LAST_ADMIN, { cause: error });
    throw unexplainedWriteError(error);
  }
}
