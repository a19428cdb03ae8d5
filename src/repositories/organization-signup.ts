import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeOrganizationName, organizationNameSkeleton } from '../domain/organization-name';
import { DEFAULT_SETTINGS } from '../domain/organization-settings';
import { maxMembersOf } from '../domain/plans';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import { ttlOf } from '../domain/pending-signup';
import { pendingAccountPut, type PendingSignup, type PendingVerification } from './accounts';
import { auditEntryPut } from './audit-log';
import { batchGetItems, db, failedConditionIndexes, tableName, unexplainedWriteError, type TransactItem } from './dynamo';
import { lookupKeys, tenantKeys } from './keys';
import { memberPuts, profilePut } from './member-items';
import type { Organization } from './organizations';
import { pendingSignupEntryPut } from './pending-signups';

/*
 * A new organization: its name's reservation and the signup transaction.
 * Apart from organizations.ts because only signup needs the confusable
 * skeleton, whose Unicode table (about 100 KB) would otherwise ride in
 * every route's bundle.
 */

/**
 * Who holds an organization name: an organization, and while its signup is
 * unverified, that pending signup and until when it holds the name.
 */
export interface OrganizationNameHolder {
  readonly organizationId: string;
  readonly pending?: { readonly signup: PendingSignup; readonly pendingUntil: number };
}

/**
 * The name reservations a new organization name must not meet: the one keyed
 * by its confusable skeleton (every name reserved since skeletons, and every
 * older one the migration re-keyed), and, while older items may remain, the
 * one keyed by its plain normalized form (`ORGNAME#<normalized>`, how names
 * were reserved before), so an unmigrated exact duplicate is still found.
 * Such old items are never written any more, so reading them before the
 * signup transaction is enough: no condition in it needs to guard them.
 */
function nameReservationKeys(name: string) {
  const skeletonKey = organizationNameSkeleton(name);
  const skeleton = lookupKeys.organizationName(skeletonKey);
  const legacy = lookupKeys.organizationName(normalizeOrganizationName(name));
  return { skeletonKey, skeleton, legacy: legacy.PK === skeleton.PK ? undefined : legacy };
}

/** Who holds a name that looks like this one (a duplicate or a confusable lookalike), if anyone. */
export async function findOrganizationNameHolder(name: string): Promise<OrganizationNameHolder | undefined> {
  const { skeletonKey, skeleton, legacy } = nameReservationKeys(name);
  const items = await batchGetItems((legacy ? [skeleton, legacy] : [skeleton]).map((key) => ({ ...key })), { consistent: true });
  const Item = items.find((item) => item['PK'] === skeleton.PK) ?? items[0];
  if (!Item) return undefined;
  const organizationId = Item['organizationId'] as string;
  if (Item['status'] !== 'pending' || Item['PK'] !== skeleton.PK) return { organizationId };
  const signup = { email: Item['ownerEmail'] as string, userId: Item['ownerUserId'] as string, organizationId, organizationNameKey: skeletonKey };
  return { organizationId, pending: { signup, pendingUntil: Item['pendingUntil'] as number } };
}

export interface NewOrganization {
  /** The new organization and its first admin, both with server-generated ids. */
  readonly owner: TenantContext;
  readonly name: string;
  readonly ownerEmail: string;
  readonly ownerName: string;
  readonly githubUsername?: string;
  readonly emailReservationId: string;
  readonly verification: PendingVerification;
  /** Until when the unverified signup holds its email and organization name. */
  readonly pendingUntil: number;
  /** Deletes of what expired signups left, taken over by this one: they go only if this signup happens. */
  readonly discard: readonly TransactItem[];
  readonly now: Date;
}

/**
 * Signup in one transaction: organization, its unique name, the admin's
 * member record, membership and profile, the email's account, the audit
 * entry and the sweep's index entry, plus the deletes of any expired signup
 * taken over. Either all of it happens or none of it does. The name is free when nobody holds it or an
 * unverified signup held it past its `pendingUntil`.
 */
export async function createOrganizationWithOwner(input: NewOrganization): Promise<Organization> {
  const { owner, now } = input;
  const createdAt = now.getTime();
  const organizationNameKey = organizationNameSkeleton(input.name);
  const organization: Organization = {
    organizationId: owner.orgId,
    name: input.name,
    plan: 'free',
    maxMembers: maxMembersOf('free'),
    currentMembers: 1,
    pendingInvitations: 0,
    ownerId: owner.userId,
    createdAt,
    settings: DEFAULT_SETTINGS,
  };
  const items = [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...tenantKeys.organization(owner),
          type: 'ORGANIZATION',
          ...organization,
          // Counters the plan limit and the last-admin rule are enforced against, in conditions.
          seatsUsed: 1,
          adminCount: 1,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...lookupKeys.organizationName(organizationNameKey),
          organizationId: owner.orgId,
          name: input.name,
          status: 'pending',
          ownerUserId: owner.userId,
          ownerEmail: input.ownerEmail,
          pendingUntil: input.pendingUntil,
          ttl: ttlOf(input.pendingUntil),
        },
        ConditionExpression: 'attribute_not_exists(PK) OR (#status = :pending AND pendingUntil <= :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': createdAt },
      },
    },
    pendingAccountPut({
      email: input.ownerEmail,
      userId: owner.userId,
      reservationId: input.emailReservationId,
      verification: input.verification,
      organizationId: owner.orgId,
      organizationNameKey,
      pendingUntil: input.pendingUntil,
    }),
    ...memberPuts(owner, {
      email: input.ownerEmail,
      name: input.ownerName,
      organizationName: input.name,
      githubUsername: input.githubUsername,
      joinedAt: createdAt,
    }),
    profilePut(owner.userId, {
      email: input.ownerEmail,
      name: input.ownerName,
      githubUsername: input.githubUsername,
      createdAt,
    }),
    auditEntryPut(
      owner,
      { event: 'ORGANIZATION_CREATED', resource: `organization/${owner.orgId}`, result: 'SUCCESS', severity: 'LOW' },
      now,
    ),
    pendingSignupEntryPut({
      email: input.ownerEmail,
      userId: owner.userId,
      organizationId: owner.orgId,
      organizationNameKey,
      pendingUntil: input.pendingUntil,
    }),
    ...input.discard,
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const failed = failedConditionIndexes(error);
    // A lookalike and a duplicate get the same answer: the caller must not learn which name it met.
    if (failed?.includes(1)) throw new ConflictError('An organization with this name already exists', { cause: error });
    if (failed?.includes(2)) throw new ConflictError('An account with this email already exists', { cause: error });
    throw unexplainedWriteError(error);
  }
  return organization;
}
