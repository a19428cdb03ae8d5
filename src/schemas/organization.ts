import * as z from 'zod';
import { PRIVACY_MODES, VISIBILITIES } from '../domain/organization-settings';
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
