import * as z from 'zod';
import { AuditLogQuery, Timezone } from './organization';

/** `PUT /me/settings`: the caller's own settings in the caller's organization. */
export const PersonalSettingsBody = z.object({ timezone: Timezone }).strict();
export type PersonalSettingsBody = z.infer<typeof PersonalSettingsBody>;

/** `GET /me/access-log`: pages like the audit log's. */
export const AccessLogQuery = AuditLogQuery;
