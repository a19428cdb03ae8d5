import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../src/domain/permissions';

describe('permissions shown to clients', () => {
  it('lets only admins invite and remove members', () => {
    expect(permissionsOf('admin')).toEqual(expect.arrayContaining(['invite_members', 'remove_members']));
    expect(permissionsOf('member')).not.toContain('invite_members');
    expect(permissionsOf('viewer')).not.toContain('remove_members');
  });

  it('gives members their own data and viewers the reports', () => {
    expect(permissionsOf('member')).toEqual(['read_own_data', 'view_team_stats']);
    expect(permissionsOf('viewer')).toContain('view_reports');
  });
});
