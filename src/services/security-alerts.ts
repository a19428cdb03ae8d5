import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { sendEmail } from '../integrations/email';
import { securityAlertEmail } from '../integrations/email-templates';
import { claimSecurityAlert } from '../repositories/analyses';
import { listMembers } from '../repositories/members';
import { getOrganization } from '../repositories/organizations';

/**
 * Emails the admins of a target organization about a blocked attempt from
 * another organization's user, at most once per attacker per hour (a
 * conditional write decides, so parallel attempts send one email). The email
 * names the attacker by ids and says what was tried in our own words: no
 * name, email or other text the attacker chose reaches the target's inbox.
 */
export async function alertTargetOrganization(
  attacker: TenantContext,
  targetOrgId: string,
  action: string,
  log: Logger,
  now: Date,
): Promise<void> {
  const target: TenantContext = { orgId: targetOrgId, userId: attacker.userId, role: 'viewer' };
  try {
    if (!(await claimSecurityAlert(target, attacker.userId, now))) return;
    const [organization, admins] = await Promise.all([getOrganization(target), listMembers(target, ['admin'])]);
    if (admins.length === 0) return;
    await sendEmail(
      securityAlertEmail({
        to: admins.map((admin) => admin.email),
        organizationName: organization.name,
        attempted: action,
        attackerUserId: attacker.userId,
        attackerOrganizationId: attacker.orgId,
        at: now,
      }),
    );
  } catch (error) {
    log.error('security alert not sent', { error, targetOrganization: targetOrgId });
  }
}
