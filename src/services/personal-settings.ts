import type { TenantContext } from '../guard/tenant-context';
import { setPersonalTimezone } from '../repositories/personal-settings';
import type { PersonalSettingsBody } from '../schemas/me';

/**
 * `PUT /me/settings`: the caller's own time zone in this organization. No
 * recomputation is queued: the person's stored analyses name the zone they
 * were computed in, so the next read sees the basis no longer holds and
 * recomputes from stored activity (metrics.md, "Local time").
 */
export async function changePersonalSettings(tenant: TenantContext, body: PersonalSettingsBody, now = new Date()) {
  await setPersonalTimezone(tenant, body.timezone, now);
  return { timezone: body.timezone };
}
