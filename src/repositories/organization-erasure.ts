import { normalizeOrganizationName, organizationNameSkeleton } from '../domain/organization-name';
import { batchDeleteKeys, queryAll } from './dynamo';
import { lookupKeys, tenantKeys, type Key } from './keys';

/**
 * What the `organization-erasure` job reads and deletes (the request that
 * marks an organization is src/repositories/organization-erasure-mark.ts).
 */
type Tenant = { readonly orgId: string };

/** A member of the organization being erased, as its member record has them. */
export interface ErasedMember {
  readonly userId: string;
  readonly email: string;
}

/** What an erasure must remove, read from the organization's own partition (one Query, paged). */
export interface ErasurePlan {
  readonly partitionKeys: readonly Key[];
  /** The items outside the partition that point into it: memberships, login and installation lookups, invitation tokens, the name. */
  readonly lookupKeys: readonly Key[];
  readonly members: readonly ErasedMember[];
  readonly installationId?: number;
  /** The organization item is marked for erasure, or already gone (a retry): anything else is never erased. */
  readonly requested: boolean;
}

const MEMBER_RECORD = /^(ADMIN|MEMBER|VIEWER)#/;

export async function planErasure(tenant: Tenant): Promise<ErasurePlan> {
  const items = await queryAll(tenantKeys.partition(tenant));
  const sk = (item: Record<string, unknown>) => String(item['SK']);
  const members = items
    .filter((item) => MEMBER_RECORD.test(sk(item)) && typeof item['userId'] === 'string')
    .map((item) => ({ userId: item['userId'] as string, email: String(item['email'] ?? '') }));
  const organization = items.find((item) => sk(item) === tenantKeys.organization(tenant).SK);
  const connection = items.find((item) => sk(item) === tenantKeys.githubConnection(tenant).SK);
  const installationId = connection ? Number(connection['installationId']) : undefined;
  const name = typeof organization?.['name'] === 'string' ? organization['name'] : undefined;
  const lookups: Key[] = [
    ...members.map((member) => lookupKeys.membership(member.userId, tenant.orgId)),
    ...items.filter((item) => sk(item).startsWith('GHLOGIN#')).map((item) => lookupKeys.githubLoginOwner(String(item['githubUsername']), tenant.orgId)),
    ...items.filter((item) => sk(item).startsWith('INVITE#') && typeof item['tokenHash'] === 'string').map((item) => lookupKeys.invitationToken(item['tokenHash'] as string)),
    ...(installationId ? [lookupKeys.githubInstallation(installationId)] : []),
    ...(name ? uniqueKeys([lookupKeys.organizationName(organizationNameSkeleton(name)), lookupKeys.organizationName(normalizeOrganizationName(name))]) : []),
  ];
  // The connection first, so a sync job still queued stops writing (it checks the connection); the
  // organization's own item last, so an erasure that stops halfway is found and finished by its retry.
  const rank = (key: Key) => (key.SK === tenantKeys.githubConnection(tenant).SK ? 0 : key.SK === tenantKeys.organization(tenant).SK ? 2 : 1);
  const partitionKeys = items.map((item) => ({ PK: String(item['PK']), SK: sk(item) })).sort((a, b) => rank(a) - rank(b));
  const requested = organization === undefined || organization['erasureRequestedAt'] !== undefined;
  return { partitionKeys, lookupKeys: lookups, members, requested, ...(installationId ? { installationId } : {}) };
}

function uniqueKeys(keys: readonly Key[]): Key[] {
  return [...new Map(keys.map((key) => [`${key.PK}|${key.SK}`, key])).values()];
}

/** The webhook deliveries recorded for the organization's installation. */
export async function deliveryKeysOf(installationId: number): Promise<Key[]> {
  const { PK } = lookupKeys.githubDelivery(installationId, '');
  return (await queryAll(PK)).map((item) => ({ PK: String(item['PK']), SK: String(item['SK']) }));
}

/** A user's own partition (profile, session, memberships left) and their email's account item, when no organization is left to them. */
export async function accountKeysOf(userId: string, email: string): Promise<Key[]> {
  const items = await queryAll(lookupKeys.userPartition(userId));
  return [...items.map((item) => ({ PK: String(item['PK']), SK: String(item['SK']) })), ...(email ? [lookupKeys.emailAccount(email)] : [])];
}

export { batchDeleteKeys as deleteKeys };
