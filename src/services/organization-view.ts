import type { Organization } from '../repositories/organizations';

/** The organization as clients see it: the contract's fields, times as ISO-8601. */
export function organizationView(organization: Organization) {
  return {
    organizationId: organization.organizationId,
    name: organization.name,
    plan: organization.plan,
    maxMembers: organization.maxMembers,
    currentMembers: organization.currentMembers,
    pendingInvitations: organization.pendingInvitations,
    ownerId: organization.ownerId,
    createdAt: new Date(organization.createdAt).toISOString(),
    settings: organization.settings,
  };
}
