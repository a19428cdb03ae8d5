import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isRole, type Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { batchGetItems, db, queryAll, tableName } from './dynamo';
import { lookupKeys, MEMBERSHIP_PREFIX } from './keys';

export interface Membership {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly role: Role;
  readonly joinedAt: number;
}

export interface UserProfile {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly githubUsername?: string;
}

/** The guard's one read: is this user an active member of this organization, and as what? */
export async function findActiveMembership(userId: string, orgId: string): Promise<{ role: Role } | undefined> {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: lookupKeys.membership(userId, orgId),
      // A removal or role change must hold from the very next request.
      ConsistentRead: true,
      ProjectionExpression: '#role, #status',
      ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
    }),
  );
  if (!Item || Item['status'] !== 'active' || !isRole(Item['role'])) return undefined;
  return { role: Item['role'] };
}

function toMembership(item: Record<string, unknown>): Membership | undefined {
  if (item['status'] !== 'active' || !isRole(item['role'])) return undefined;
  return {
    organizationId: item['organizationId'] as string,
    organizationName: item['organizationName'] as string,
    role: item['role'],
    joinedAt: item['joinedAt'] as number,
  };
}

/**
 * A user's profile, every active membership (oldest first) and the
 * organization they last chose at login, in one Query of the user's partition.
 */
export async function loadUserWithMemberships(
  userId: string,
): Promise<{ profile: UserProfile | undefined; memberships: Membership[]; loginOrganizationId?: string }> {
  const items = await queryAll(lookupKeys.userPartition(userId));
  const session = items.find((item) => item['SK'] === lookupKeys.session(userId).SK);

  const profileItem = items.find((item) => item['SK'] === lookupKeys.userProfile(userId).SK);
  const profile = profileItem
    ? {
        userId,
        email: profileItem['email'] as string,
        name: profileItem['name'] as string,
        githubUsername: profileItem['githubUsername'] as string | undefined,
      }
    : undefined;
  const memberships = items
    .filter((item) => String(item['SK']).startsWith(MEMBERSHIP_PREFIX))
    .flatMap((item) => toMembership(item) ?? [])
    .sort((a, b) => a.joinedAt - b.joinedAt);
  return { profile, memberships, loginOrganizationId: session?.['loginOrganizationId'] as string | undefined };
}

/** Which of these users already belong to the organization, in one BatchGet. */
export async function activeMembersAmong(tenant: TenantContext, userIds: readonly string[]): Promise<Set<string>> {
  const items = await batchGetItems(userIds.map((userId) => ({ ...lookupKeys.membership(userId, tenant.orgId) })));
  return new Set(items.filter((item) => item['status'] === 'active').map((item) => item['userId'] as string));
}

export async function getProfile(userId: string): Promise<UserProfile | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.userProfile(userId) }));
  if (!Item) return undefined;
  return {
    userId,
    email: Item['email'] as string,
    name: Item['name'] as string,
    githubUsername: Item['githubUsername'] as string | undefined,
  };
}
