import type { TenantContext } from '../guard/tenant-context';
import { tableName } from './dynamo';
import { lookupKeys, tenantKeys } from './keys';

/**
 * The two records that make a person a member, written together wherever
 * someone joins (signup, invitation): the organization's member record (the
 * story's role-prefixed `ADMIN#…` / `MEMBER#…` / `VIEWER#…`) and the user's
 * membership record, which the guard reads on every request.
 */
export interface NewMember {
  readonly email: string;
  readonly name: string;
  readonly organizationName: string;
  readonly githubUsername?: string;
  readonly invitedBy?: string;
  readonly joinedAt: number;
}

export function memberRecord(tenant: TenantContext, member: NewMember) {
  return {
    ...tenantKeys.member(tenant, tenant.role, tenant.userId),
    type: 'MEMBER',
    userId: tenant.userId,
    email: member.email,
    name: member.name,
    role: tenant.role,
    organizationId: tenant.orgId,
    githubUsername: member.githubUsername,
    invitedBy: member.invitedBy,
    joinedAt: member.joinedAt,
    status: 'active',
  };
}

export function membershipRecord(tenant: TenantContext, member: Pick<NewMember, 'organizationName' | 'joinedAt'>) {
  return {
    ...lookupKeys.membership(tenant.userId, tenant.orgId),
    type: 'MEMBERSHIP',
    userId: tenant.userId,
    organizationId: tenant.orgId,
    organizationName: member.organizationName,
    role: tenant.role,
    joinedAt: member.joinedAt,
    status: 'active',
  };
}

/** The GitHub login's two lookups: exact resolution in the organization, and the cross-organization index. */
export function githubLoginPuts(tenant: TenantContext, login: string) {
  return [
    {
      Put: {
        TableName: tableName(),
        Item: { ...tenantKeys.githubLogin(tenant, login), userId: tenant.userId, githubUsername: login },
        ConditionExpression: 'attribute_not_exists(PK) OR userId = :userId',
        ExpressionAttributeValues: { ':userId': tenant.userId },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...lookupKeys.githubLoginOwner(login, tenant.orgId), organizationId: tenant.orgId, userId: tenant.userId },
      },
    },
  ];
}

export function githubLoginDeletes(tenant: TenantContext, login: string) {
  return [
    { Delete: { TableName: tableName(), Key: tenantKeys.githubLogin(tenant, login) } },
    { Delete: { TableName: tableName(), Key: lookupKeys.githubLoginOwner(login, tenant.orgId) } },
  ];
}

/**
 * Transaction items that add a member; the membership must not already be
 * active, and a GitHub login may belong to one member of an organization.
 * The membership item comes second, the login lookup third (callers read
 * failed conditions by index).
 */
export function memberPuts(tenant: TenantContext, member: NewMember) {
  return [
    { Put: { TableName: tableName(), Item: memberRecord(tenant, member) } },
    {
      Put: {
        TableName: tableName(),
        Item: membershipRecord(tenant, member),
        ConditionExpression: 'attribute_not_exists(PK) OR #status <> :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      },
    },
    ...(member.githubUsername ? githubLoginPuts(tenant, member.githubUsername) : []),
  ];
}

export function profilePut(userId: string, profile: { email: string; name: string; githubUsername?: string; createdAt: number }) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...lookupKeys.userProfile(userId), type: 'PROFILE', userId, ...profile },
    },
  };
}
