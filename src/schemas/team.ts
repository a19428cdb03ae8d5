import * as z from 'zod';
import { ROLES } from '../domain/roles';
import { Email, GithubUsername, OpaqueId, Password, PersonName } from './common';

export const Role = z.enum(ROLES);

export const Invitation = z
  .object({ email: Email, name: PersonName, role: Role, githubUsername: GithubUsername.nullish() })
  .strict();
export type Invitation = z.infer<typeof Invitation>;

export const InviteBody = z.object({ invitations: z.array(Invitation).min(1).max(50) }).strict();
export type InviteBody = z.infer<typeof InviteBody>;

export const InvitationParams = z.object({ inviteId: OpaqueId }).strict();
export const MemberParams = z.object({ userId: OpaqueId }).strict();

export const ChangeRoleBody = z.object({ role: Role }).strict();

/** Any string: a malformed token gets the same answer as an unknown one. */
export const InvitationTokenQuery = z.object({ token: z.string().max(512).default('') });

export const CompleteInvitationBody = z
  .object({ token: z.string().min(1).max(512), password: Password, name: PersonName.optional() })
  .strict();
export type CompleteInvitationBody = z.infer<typeof CompleteInvitationBody>;

export const SwitchOrganizationBody = z.object({ organizationId: OpaqueId }).strict();
