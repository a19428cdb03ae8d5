import type { Role } from './roles';

/**
 * What each role may do, as shown to clients (`user.permissions`). Enforcement
 * happens in the route table's `access` and in the privacy rules; this list
 * is the client-facing summary of the same decisions.
 */
const PERMISSIONS_BY_ROLE: Record<Role, readonly string[]> = {
  admin: [
    'read_team_data',
    'read_own_data',
    'view_team_stats',
    'invite_members',
    'remove_members',
    'view_reports',
    'manage_settings',
  ],
  member: ['read_own_data', 'view_team_stats'],
  viewer: ['view_team_stats', 'view_reports'],
};

export function permissionsOf(role: Role): string[] {
  return [...PERMISSIONS_BY_ROLE[role]];
}
