import pMap from 'p-map';
import type { MemberAnalysis } from '../domain/analysis/member-analysis';
import { buildTeamAnalysis } from '../domain/reports/team-analysis';
import type { Identifiable } from '../domain/reports/anonymize';
import type { PrivacySettings } from '../domain/privacy';
import { teamAnalysisFor } from '../domain/reports/reader-view';
import type { TeamAnalysis, TeamAnalysisView, TeamMemberInput } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { GithubNotConnectedError, NotFoundError } from '../errors';
import type { Logger } from '../http/logger';
import { GithubRateLimitedError, GithubUnavailableError } from '../integrations/github/errors';
import { getAnalysesOf } from '../repositories/analyses';
import { connectionOf } from '../repositories/github-connections';
import { listMembers } from '../repositories/members';
import { getOrganization, organizationExists } from '../repositories/organizations';
import { saveTeamReport } from '../repositories/reports';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { isFresh, refreshMemberAnalysis, WINDOW_DAYS } from './code-quality';

/** Collections of members with no analysis yet, at once; each is itself bounded (collector.ts). */
const COLLECTION_CONCURRENCY = 3;
/** Whoever is not collected by then is listed as pending, so the request stays well under 29 s. */
const COLLECTION_BUDGET_MS = 15_000;

/**
 * The organization id in a path must be the caller's: any other answers like
 * one that does not exist, and the attempt is audited (and the target's
 * admins alerted when it exists).
 */
export async function requireOwnOrganization(tenant: TenantContext, organizationId: string, log: Logger): Promise<void> {
  if (organizationId === tenant.orgId) return;
  const targets = (await organizationExists(organizationId)) ? [organizationId] : [];
  const action = `the team analysis or a report of your organization (${organizationId})`;
  await recordCrossOrganizationAttempt(tenant, { resource: `organization/${organizationId}`, action, targetOrganizationIds: targets }, log);
  throw new NotFoundError('Organization not found');
}

/**
 * The team analysis as the caller may see it (saved in full as the day's
 * team report). The caller is an admin, and admins are not in the team's
 * figures (engineers are members), so no entry is the caller's own.
 */
export async function analyzeTeam(tenant: TenantContext, log: Logger, now = new Date()): Promise<TeamAnalysisView> {
  const { team, settings } = await analyzeTeamWithRoster(tenant, log, now);
  return teamAnalysisFor(team, { role: tenant.role }, settings);
}

/**
 * The team analysis: engineers (role member with a GitHub username) from one
 * Query, their cached analyses in BatchGet pages of 100, the missing ones
 * collected with bounded concurrency inside a time budget; the rest pending.
 * With it, the people behind it (names, logins, emails), for reports that
 * must not name them, and the privacy settings read for this request.
 */
export async function analyzeTeamWithRoster(
  tenant: TenantContext,
  log: Logger,
  now = new Date(),
): Promise<{ team: TeamAnalysis; roster: Identifiable[]; settings: PrivacySettings }> {
  // A consistent read: a privacy setting changed just before applies to this analysis.
  const [organization, members, connection] = await Promise.all([
    getOrganization(tenant, { consistent: true }),
    listMembers(tenant, ['member']),
    connectionOf(tenant),
  ]);
  if (!connection) throw new GithubNotConnectedError();
  const engineers = members.filter((member) => member.githubUsername);
  const cached = await getAnalysesOf<MemberAnalysis>(
    tenant,
    engineers.map((member) => member.githubUsername ?? ''),
  );
  const deadline = Date.now() + COLLECTION_BUDGET_MS;
  const missing = engineers.filter((member) => {
    const entry = cached.get((member.githubUsername ?? '').toLowerCase());
    return !entry || !isFresh(entry.cachedAt, now);
  });
  const collected = new Map<string, MemberAnalysis>();
  await pMap(
    missing,
    async (member) => {
      const remaining = deadline - Date.now();
      if (remaining < 1_000) return;
      try {
        const analysis = await refreshMemberAnalysis(
          tenant,
          { organization, connection },
          { userId: member.userId, githubUsername: member.githubUsername ?? '' },
          log,
          now,
          { budgetMs: remaining, useModel: false },
        );
        collected.set((member.githubUsername ?? '').toLowerCase(), analysis);
      } catch (error) {
        if (!(error instanceof GithubRateLimitedError || error instanceof GithubUnavailableError)) throw error;
        log.warn('member left pending', { login: member.githubUsername, reason: error.message });
      }
    },
    { concurrency: COLLECTION_CONCURRENCY },
  );

  const inputs: TeamMemberInput[] = engineers.map((member) => {
    const login = member.githubUsername ?? '';
    const analysis = collected.get(login.toLowerCase()) ?? cached.get(login.toLowerCase())?.analysis;
    return { userId: member.userId, name: member.name, githubUsername: login, ...(analysis ? { analysis } : {}) };
  });
  const team = buildTeamAnalysis({
    organizationId: tenant.orgId,
    organizationName: organization.name,
    members: inputs,
    now,
    windowDays: WINDOW_DAYS,
  });
  await saveTeamReport(tenant, team, now);
  const roster = engineers.map(({ name, email, githubUsername }) => ({ name, email, ...(githubUsername ? { githubUsername } : {}) }));
  return { team, roster, settings: organization.settings };
}
