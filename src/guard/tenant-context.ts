import type { Role } from '../domain/roles';

/**
 * Who is calling and in which organization, as established by the tenant
 * guard: the token is verified and the membership confirmed in the table.
 * Repositories build every tenant-scoped key from this, never from input.
 */
export interface TenantContext {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
}
