import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_SETTINGS, type OrganizationSettings } from '../domain/organization-settings';
import type { Plan } from '../domain/plans';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

export interface Organization {
  readonly organizationId: string;
  readonly name: string;
  readonly plan: Plan;
  readonly maxMembers: number | null;
  readonly currentMembers: number;
  readonly pendingInvitations: number;
  readonly ownerId: string;
  readonly createdAt: number;
  readonly settings: OrganizationSettings;
}

export async function getOrganization(tenant: Pick<TenantContext, 'orgId'>, options: { consistent?: boolean } = {}): Promise<Organization> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: tenantKeys.organization(tenant), ConsistentRead: options.consistent }),
  );
  if (!Item) throw new NotFoundError('Organization not found');
  return toOrganization(Item);
}

export function toOrganization(Item: Record<string, unknown>): Organization {
  return {
    organizationId: Item['organizationId'] as string,
    name: Item['name'] as string,
    plan: Item['plan'] as Plan,
    maxMembers: (Item['maxMembers'] ?? null) as number | null,
    currentMembers: Item['currentMembers'] as number,
    pendingInvitations: (Item['pendingInvitations'] ?? 0) as number,
    ownerId: Item['ownerId'] as string,
    createdAt: Item['createdAt'] as number,
    settings: { ...DEFAULT_SETTINGS, ...(Item['settings'] as Partial<OrganizationSettings>) },
  };
}

/**
 * Whether an organization exists, by an id from outside: used only to decide
 * where to audit a refused cross-organization attempt, never to answer it.
 */
export async function organizationExists(orgId: string): Promise<boolean> {
  const other: TenantContext = { orgId, userId: 'existence-check', role: 'viewer' };
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: tenantKeys.organization(other), ProjectionExpression: 'PK' }),
  );
  return Item !== undefined;
}
