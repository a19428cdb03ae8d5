import { permissionsOf } from '../domain/permissions';
import type { TenantContext } from '../guard/tenant-context';
import { UnauthenticatedError } from '../errors';
import { loadUserWithMemberships } from '../repositories/memberships';
import { getOrganization } from '../repositories/organizations';
import { organizationView } from './organization-view';
import { sessionUser } from './session';

/** `GET /me`: the caller, the active organization and all memberships (2 reads after the guard's). */
export async function describeCaller(tenant: TenantContext) {
  const [{ profile, memberships }, organization] = await Promise.all([
    loadUserWithMemberships(tenant.userId),
    getOrganization(tenant),
  ]);
  const active = memberships.find((membership) => membership.organizationId === tenant.orgId);
  if (!profile || !active) throw new UnauthenticatedError('Invalid or expired token');
  return {
    user: sessionUser(profile, { ...active, role: tenant.role }),
    organization: organizationView(organization),
    role: tenant.role,
    permissions: permissionsOf(tenant.role),
    memberships: memberships.map(({ organizationId, organizationName, role }) => ({
      organizationId,
      organizationName,
      role,
    })),
  };
}
