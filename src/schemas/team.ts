import * as z from 'zod';
import { ROLES } from '../domain/roles';
import type { InvitationStatus } from '../repositories/invitations';
import type { JoinResult } from '../services/joining';
import type { InvitationResult, InviteOutcome } from '../services/invitations';
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

/* Success bodies (see src/schemas/auth.ts on response schemas). */

/** `POST /team/invite` (201): how the batch went, entry by entry. */
export const InviteResponse = z
  .object({
    success: z.literal(true),
    invitations: z.object({ sent: z.number().int(), failed: z.number().int(), pending: z.number().int() }).strict(),
    results: z.array(
      z.object({ email: z.string(), status: z.enum(['sent', 'failed']), reason: z.string().optional() }).strict() satisfies z.ZodType<InvitationResult>,
    ),
    message: z.string(),
  })
  .strict()
  .meta({ id: 'InviteResponse' }) satisfies z.ZodType<InviteOutcome>;
export type InviteResponse = z.infer<typeof InviteResponse>;

export const InvitationView = z
  .object({
    inviteId: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    githubUsername: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']) satisfies z.ZodType<InvitationStatus>,
    invitedBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict()
  .meta({ id: 'InvitationView' });

export const InvitationsResponse = z.object({ items: z.array(InvitationView) }).strict().meta({ id: 'InvitationsResponse' });
export type InvitationsResponse = z.infer<typeof InvitationsResponse>;

/** `GET /invite/accept`: what the link offers, before the person accepts. */
export const InvitationOffer = z
  .object({ email: z.string(), name: z.string(), organizationName: z.string(), role: Role, expiresAt: z.iso.datetime() })
  .strict()
  .meta({ id: 'InvitationOffer' });
export type InvitationOffer = z.infer<typeof InvitationOffer>;

/** `POST /invite/complete` (201). */
export const JoinResponse = z
  .object({ success: z.literal(true), message: z.string(), user: z.object({ id: z.string(), organizationId: z.string() }).strict() })
  .strict()
  .meta({ id: 'JoinResponse' }) satisfies z.ZodType<JoinResult>;
export type JoinResponse = z.infer<typeof JoinResponse>;

/** One member as the team list shows them; `githubUsername` is null when they gave none. Also `PATCH /team/members/{userId}`'s answer. */
export const TeamMember = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: Role, githubUsername: z.string().nullable(), joinedAt: z.iso.datetime() })
  .strict()
  .meta({ id: 'TeamMember' });
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamMembersResponse = z.object({ items: z.array(TeamMember) }).strict().meta({ id: 'TeamMembersResponse' });
export type TeamMembersResponse = z.infer<typeof TeamMembersResponse>;
