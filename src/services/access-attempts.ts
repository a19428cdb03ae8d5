import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { countAttempt } from '../repositories/audit-log';
import { alertTargetOrganization } from './security-alerts';

/** The other side of an attempt that reached no organization: a typo. */
const NOWHERE = '-';

export interface RefusedAttempt {
  /** What the audit entry names, e.g. `github/<login>`. */
  readonly resource: string;
  /** What the alert says was attempted: our own words and ids only, never text the caller chose. */
  readonly action: string;
  /** The organizations the resource belongs to; none when it exists nowhere. */
  readonly targetOrganizationIds: readonly string[];
}

/**
 * A lookup the caller was refused with the same 404 whether the thing exists
 * elsewhere or nowhere. Both cases do the same work before the answer (one
 * bucket update, then the entries' updates side by side), so its timing
 * does not tell them apart either:
 * - nowhere (a typo): a LOW `LOOKUP_NOT_FOUND` in the caller's own log;
 * - in other organizations: a HIGH `UNAUTHORIZED_ACCESS_ATTEMPT` in the
 *   caller's log and in each target's, and the target's admins are alerted.
 * Each is one entry per attacker, other organization, resource and hour,
 * with a `count`. The caller's own entry does not name the target (the caller's
 * admin may be the attacker). A failed write is logged, never answered.
 */
export async function recordCrossOrganizationAttempt(tenant: TenantContext, attempt: RefusedAttempt, log: Logger, now = new Date()): Promise<void> {
  const targets = [...new Set(attempt.targetOrganizationIds)].filter((orgId) => orgId !== tenant.orgId);
  const { resource } = attempt;
  const blocked = { event: 'UNAUTHORIZED_ACCESS_ATTEMPT', resource, result: 'BLOCKED', severity: 'HIGH' } as const;
  const typo = { event: 'LOOKUP_NOT_FOUND', resource, result: 'FAILURE', severity: 'LOW' } as const;
  const writes: Promise<unknown>[] =
    targets.length === 0
      ? [countAttempt(tenant, { otherOrgId: NOWHERE, resource, logs: [{ orgId: tenant.orgId, entry: typo }] }, now)]
      : targets.map(async (orgId) => {
          const logs = [
            { orgId: tenant.orgId, entry: blocked },
            { orgId, entry: { ...blocked, details: { fromOrganization: tenant.orgId } } },
          ];
          // Only the first attempt of an entry may alert; the claim inside keeps it to one email per attacker an hour.
          if ((await countAttempt(tenant, { otherOrgId: orgId, resource, logs }, now)) === 1) {
            await alertTargetOrganization(tenant, orgId, attempt.action, log, now);
          }
        });
  for (const outcome of await Promise.allSettled(writes)) {
    if (outcome.status === 'rejected') log.error('access attempt not audited', { error: outcome.reason });
  }
  // Logged alike in both cases, so not even the log line's cost differs.
  log.warn('lookup refused', { resource, otherOrganizations: targets.length });
}
