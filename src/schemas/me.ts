import * as z from 'zod';
import { ROLES } from '../domain/roles';
import type { Member } from '../repositories/members';
import type { Membership, UserProfile } from '../repositories/memberships';
import { SessionUser } from './auth';
import { AuditLogQuery, ExportedItem, Organization, Timezone } from './organization';

/** `PUT /me/settings`: the caller's own settings in the caller's organization. */
export const PersonalSettingsBody = z.object({ timezone: Timezone }).strict();
export type PersonalSettingsBody = z.infer<typeof PersonalSettingsBody>;

/** `GET /me/access-log`: pages like the audit log's. */
export const AccessLogQuery = AuditLogQuery;

/* Success bodies (see src/schemas/auth.ts on response schemas). */

const Role = z.enum(ROLES);

/** `GET /me`: `user` as login's, the active organization, and every organization the caller belongs to. */
export const MeResponse = z
  .object({
    user: SessionUser,
    organization: Organization,
    role: Role,
    permissions: z.array(z.string()),
    memberships: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), role: Role }).strict()),
  })
  .strict()
  .meta({ id: 'MeResponse' });
export type MeResponse = z.infer<typeof MeResponse>;

export const PersonalSettings = z.object({ timezone: z.string() }).strict().meta({ id: 'PersonalSettings' });
export type PersonalSettings = z.infer<typeof PersonalSettings>;

/** `GET /me/access-log`: who read the caller's analysis or a report naming them; `nextCursor` is null on the last page. */
export const AccessLogPage = z
  .object({
    items: z.array(
      z
        .object({ timestamp: z.iso.datetime(), viewer: z.object({ name: z.string(), role: Role }).strict(), what: z.string() })
        .strict(),
    ),
    nextCursor: z.string().nullable(),
  })
  .strict()
  .meta({ id: 'AccessLogPage' });
export type AccessLogPage = z.infer<typeof AccessLogPage>;

/** Times here are as stored (epoch milliseconds): this is the data itself, not a view of it. */
const StoredMember = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: Role,
    githubUsername: z.string().optional(),
    joinedAt: z.number(),
    timezone: z.string().optional(),
  })
  .strict() satisfies z.ZodType<Member>;

/** `GET /me/data`: everything this organization stores about the caller. Stored items (activity, access log, audit) keep their stored fields. */
export const PersonalData = z
  .object({
    organizationId: z.string(),
    profile: z
      .object({ userId: z.string(), email: z.string(), name: z.string(), githubUsername: z.string().optional() })
      .strict()
      .nullable() satisfies z.ZodType<UserProfile | null>,
    membership: z
      .object({ organizationId: z.string(), organizationName: z.string(), role: Role, joinedAt: z.number() })
      .strict()
      .nullable() satisfies z.ZodType<Membership | null>,
    member: StoredMember.nullable(),
    activity: z.array(z.record(z.string(), z.unknown())),
    analyses: z.array(z.object({ analysis: z.unknown(), cachedAt: z.number(), basis: z.record(z.string(), z.unknown()).optional() }).strict()),
    accessLog: z.array(ExportedItem),
    auditEntries: z.array(ExportedItem),
  })
  .strict()
  .meta({ id: 'PersonalData' });
export type PersonalData = z.infer<typeof PersonalData>;
