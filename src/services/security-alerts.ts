import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { sendEmail } from '../integrations/email';
import { securityAlertEmail } from '../integrations/email-templates';
import { claimSecurityAlert } from '../repositories/analyses';
import { getProfile } from '../repositories/memberships';
import { listMembers } from '../repositories/members';
import { getOrganization } from '../repositories/organizations';

/**
 * Emails the admins of each target organization about a blocked attempt from
 * another organization's user, at most once per attacker per hour (a
 * conditional write decides, so parallel attempts send one email).
 */
export async function alertTargetOrganizations(
  attacker: TenantContext,
  targetOrganizationIds: readonly string[],
  attempted: string,
  log: Logger,
  now = new Date(),
): Promise<void> {
  const targets = targetOrganizationIds.filter((orgId) => orgId !== attacker.orgId);
  if (targets.length === 0) return;
  const [attackerOrganization, attackerProfile] = await Promise.all([getOrganization(attacker), getProfile(attacker.userId)]);
  await Promise.all(
    targets.map(async (orgId) => {
      const target: TenantContext = { orgId, userId: attacker.userId, role: 'viewer' };
      try {
        if (!(await claimSecurityAlert(target, attacker.userId, now))) return;
        const [organization, admins] = await Promise.all([getOrganization(target), listMembers(target, ['admin'])]);
        if (admins.length === 0) return;
        await sendEmail(
          securityAlertEmail({
            to: admins.map((admin) => admin.email),
            organizationName: organization.name,
            attempted,
            attackerOrganizationName: attackerOrganization.name,
            attackerEmail: attackerProfile?.email ?? attacker.userId,
            at: now,
          }),
        );
      } catch (error) {
        log.error('security alert not sent', { error, targetOrganization: orgId });
      }
    }),
  );
}
