import type { Role } from '../../api/types';

/** The three roles with what each may do, for the invitation form and the members table. */
export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = [
  { value: 'member', label: 'Member: an engineer, analysed' },
  { value: 'admin', label: 'Admin: manages the team and settings' },
  { value: 'viewer', label: 'Viewer: reads reports and aggregates' },
];

/** The bare role names, where a table row has no room for the explanations. */
export const ROLE_NAMES: readonly { value: Role; label: string }[] = ROLE_OPTIONS.map(({ value }) => ({ value, label: value }));
