import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { recordAuditEntry } from '../repositories/audit-log';
import { loadUserWithMemberships } from '../repositories/memberships';
import { eraseLoginData } from '../repositories/personal-data';
import { scrubFormerMember } from '../repositories/reports';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { changeRole, findMember, listMembers, removeMember, type Member, type StoredMember } from '../repositories/members';

export function memberView(member: Member) {
  return {
    userId: member.userId,
    name: member.name,
    email: member.email,
    role: member.role,
    githubUsername: member.githubUsername ?? null,
    joinedAt: new Date(member.joinedAt).toISOString(),
  };
}

export async function listMemberViews(tenant: TenantContext) {
  return (await listMembers(tenant)).map(memberView);
}

async function requireMember(tenant: TenantContext, userId: string, log: Logger): Promise<StoredMember> {
  const member = await findMember(tenant, userId);
  if (member) return member;
  const { memberships } = await loadUserWithMemberships(userId);
  if (memberships.length > 0) {
    await recordCrossOrganizationAttempt(
      tenant,
      {
        resource: `member/${userId}`,
        action: `a change to one of your members (${userId})`,
        targetOrganizationIds: memberships.map((m) => m.organizationId),
      },
      log,
    );
  }
  throw new NotFoundError('Member not found');
}

/**
 * The guard reads the role from the membership, so the change applies from
 * the member's next request. The role claim in their tokens is refreshed too
 * when this organization is the one their tokens are for (best effort: the
 * claim is informational, the membership decides).
 */
export async function changeMemberRole(tenant: TenantContext, userId: string, role: Role, log: Logger, now = new Date()) {
  const member = await requireMember(tenant, userId, log);
  if (member.role === role) return memberView(member);
  await changeRole(tenant, member, role, now);
  try {
    if ((await cognito.activeOrganizationOf(userId)) === tenant.orgId) await cognito.setTenantClaims(userId, tenant.orgId, role);
  } catch (error) {
    log.warn('role claim not refreshed', { error, userId });
  }
  return memberView({ ...member, role });
}

/**
 * What the organization stored under a removed member's GitHub login goes
 * with them: their activity slices, their analysis and their access log.
 * Reports already made are rewritten to keep only aggregates of them; the
 * sync keeps storing the activity of every login it
 * finds in the repositories, members or not, but only members are analysed
 * or shown (docs/own-data.md).
 */
async function eraseMemberData(tenant: TenantContext, member: Member, login: string, now: Date): Promise<void> {
  const [erased, reports] = await Promise.all([
    eraseLoginData(tenant, login),
    scrubFormerMember(tenant, { name: member.name, githubUsername: login, email: member.email }),
  ]);
  await recordAuditEntry(
    tenant,
    {
      event: 'MEMBER_DATA_ERASED',
      resource: `member/${member.userId}`,
      result: 'SUCCESS',
      severity: 'MEDIUM',
      details: { githubUsername: login, items: erased, reportsRewritten: reports },
    },
    now,
  );
}

/**
 * Removes a member. Their old tokens fail the guard's membership check at
 * once, and their sessions for this organization end: a refresh checks the
 * membership of its session's organization. When this was their only
 * organization their Cognito sessions end too (a global sign-out would also
 * end sessions of their other organizations).
 */
export async function removeMemberFromOrganization(tenant: TenantContext, userId: string, log: Logger, now = new Date()) {
  const member = await requireMember(tenant, userId, log);
  await removeMember(tenant, member, now);
  if (member.githubUsername) await eraseMemberData(tenant, member, member.githubUsername, now);
  try {
    const { memberships } = await loadUserWithMemberships(userId);
    if (memberships.length === 0) await cognito.signOutEverywhere(userId);
  } catch (error) {
    log.warn('sessions of the removed member not ended', { error, userId });
  }
}
