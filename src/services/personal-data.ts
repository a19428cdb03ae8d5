import { exportedItem } from '../domain/data-export';
import type { TenantContext } from '../guard/tenant-context';
import { loadUserWithMemberships } from '../repositories/memberships';
import { getOwnMember } from '../repositories/members';
import { auditEntriesAbout, loginDataOf } from '../repositories/personal-data';

/**
 * `GET /me/data`: everything this organization stores about the caller, by
 * key prefix (no Scan): their profile and their membership here (their
 * other organizations are not this one's to give), their member record,
 * the activity stored under their GitHub login (decoded), their stored
 * analysis, their access log and the audit entries by or about them.
 * Their session (a sealed refresh token) is not data about them: left out.
 */
export async function personalData(tenant: TenantContext) {
  const [{ profile, memberships }, member] = await Promise.all([loadUserWithMemberships(tenant.userId), getOwnMember(tenant)]);
  const login = member?.githubUsername;
  const [loginData, audit] = await Promise.all([login ? loginDataOf(tenant, login) : undefined, auditEntriesAbout(tenant, tenant.userId)]);
  return {
    organizationId: tenant.orgId,
    profile: profile ?? null,
    membership: memberships.find((membership) => membership.organizationId === tenant.orgId) ?? null,
    member: member ?? null,
    activity: loginData?.activity ?? [],
    analyses: loginData?.analysis ? [loginData.analysis] : [],
    accessLog: (loginData?.accessLog ?? []).map(exportedItem),
    auditEntries: audit.map(exportedItem),
  };
}
