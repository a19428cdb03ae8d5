import * as z from 'zod';
import { PRIVACY_MODES, VISIBILITIES, type OrganizationSettings as OrganizationSettingsType } from '../domain/organization-settings';
import type { AuditEntry, Severity } from '../repositories/audit-log';
import { PLANS } from '../domain/plans';
import { GithubUsername } from './common';

function isIanaTimezone(value: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const Timezone = z.string().max(64).refine(isIanaTimezone, 'must be an IANA time zone such as Europe/Berlin');

const Visibility = z.enum(VISIBILITIES);

export const SettingsBody = z
  .object({
    timezone: Timezone,
    githubOrganization: GithubUsername.nullable(),
    privacyMode: z.enum(PRIVACY_MODES),
    visibilityRules: z
      .object({
        codeQuality: Visibility,
        burnoutRisk: Visibility,
        commitDetails: Visibility,
        personalInsights: Visibility,
      })
      .partial()
      .strict(),
    allowMembersViewOthers: z.boolean(),
    /** A GitHub deployment environment's name (GitHub allows 255 characters). */
    productionEnvironment: z.string().trim().min(1).max(255).regex(/^\P{C}+$/u, 'must hold no control or invisible characters'),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one setting');
export type SettingsBody = z.infer<typeof SettingsBody>;

export const PlanBody = z.object({ plan: z.enum(PLANS) }).strict();

export const AuditLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

/** `GET /organization/export?cursor=`: the part after the one whose `nextCursor` this is. */
export const OrganizationExportQuery = z.object({ cursor: z.string().max(2048).optional() });

/** `DELETE /organization`: the organization's name, typed out, so an erasure is never one click. */
export const DeleteOrganizationBody = z.object({ confirm: z.string().min(1).max(200) }).strict();

/* Success bodies (see src/schemas/auth.ts on response schemas). */

/** The settings as stored and shown; `githubOrganization` is absent until GitHub is connected. */
export const OrganizationSettings = z
  .object({
    timezone: z.string(),
    githubOrganization: z.string().optional(),
    privacyMode: z.enum(PRIVACY_MODES),
    visibilityRules: z
      .object({ codeQuality: Visibility, burnoutRisk: Visibility, commitDetails: Visibility, personalInsights: Visibility })
      .strict(),
    allowMembersViewOthers: z.boolean(),
    features: z.array(z.string()),
    productionEnvironment: z.string().optional(),
  })
  .strict()
  .meta({ id: 'OrganizationSettings' }) satisfies z.ZodType<OrganizationSettingsType>;
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

/** `GET /organization`, `PUT /organization/plan`, and `GET /me`'s `organization`. `maxMembers` is null on the unlimited plan. */
export const Organization = z
  .object({
    organizationId: z.string(),
    name: z.string(),
    plan: z.enum(PLANS),
    maxMembers: z.number().int().nullable(),
    currentMembers: z.number().int(),
    pendingInvitations: z.number().int(),
    ownerId: z.string(),
    createdAt: z.iso.datetime(),
    settings: OrganizationSettings,
  })
  .strict()
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

const AuditSeverity = z.enum(['LOW', 'MEDIUM', 'HIGH']) satisfies z.ZodType<Severity>;

export const AuditLogEntry = z
  .object({
    timestamp: z.iso.datetime(),
    event: z.string(),
    userId: z.string(),
    resource: z.string(),
    result: z.enum(['SUCCESS', 'FAILURE', 'BLOCKED']) satisfies z.ZodType<AuditEntry['result']>,
    severity: AuditSeverity,
    /** Repeated attempts of one attacker within the hour, folded into one entry. */
    count: z.number().int().optional(),
    lastAttemptAt: z.iso.datetime().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'AuditLogEntry' });

/** `GET /audit-logs`: `nextCursor` is null on the last page. */
export const AuditLogPage = z
  .object({ items: z.array(AuditLogEntry), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: 'AuditLogPage' });
export type AuditLogPage = z.infer<typeof AuditLogPage>;

/** One stored item, decoded, without secrets, hashes or tokens (src/domain/data-export.ts): its fields are whatever that kind stores. */
export const ExportedItem = z.record(z.string(), z.unknown()).meta({ id: 'ExportedItem' });

/** `GET /organization/export`: one part, its items grouped by kind (`ORG`, `MEMBER`, `ACT`, …); `nextCursor` asks for the next part, null on the last. */
export const OrganizationExport = z
  .object({
    organizationId: z.string(),
    exportedAt: z.iso.datetime(),
    items: z.record(z.string(), z.array(ExportedItem)),
    nextCursor: z.string().nullable(),
  })
  .strict()
  .meta({ id: 'OrganizationExport' });
export type OrganizationExport = z.infer<typeof OrganizationExport>;

/** `DELETE /organization` (202): marked, the erasure runs in the background. */
export const OrganizationErasure = z
  .object({ success: z.literal(true), organizationId: z.string(), status: z.literal('erasing') })
  .strict()
  .meta({ id: 'OrganizationErasure' });
export type OrganizationErasure = z.infer<typeof OrganizationErasure>;
