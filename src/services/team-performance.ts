import { basisFor, basisHolds, personalBasis } from '../domain/analysis/analysis-basis';
import type { MemberAnalysis } from '../domain/analysis/member-analysis';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { flowReadingOf } from '../domain/flow/flow-status';
import { teamDigestOf } from '../domain/flow/team-digest';
import { productionEnvironmentOf } from '../domain/organization-settings';
import { buildTeamAnalysis } from '../domain/reports/team-analysis';
import { teamBasisDigest } from '../domain/reports/team-basis';
import type { Identifiable } from '../domain/reports/anonymize';
import type { PrivacySettings } from '../domain/privacy';
import { teamAnalysisFor } from '../domain/reports/reader-view';
import type { TeamAnalysis, TeamAnalysisView, TeamMemberInput } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { GithubNotConnectedError, NotFoundError } from '../errors';
import type { Logger } from '../http/logger';
import { getAnalysesOf, loadTeamContext } from '../repositories/analyses';
import { listMembers } from '../repositories/members';
import { organizationExists, toOrganization } from '../repositories/organizations';
import { saveTeamReport, teamReportOf } from '../repositories/reports';
import type { AccessViewer } from '../domain/access-log';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { recordReportRead } from './access-log';
import { sqsSyncQueue } from './organization-sync';
import { recomputeAnalyses } from './stored-analysis';
import { requireFirstSync } from './sync-readiness';

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
  const { team, settings, viewer, reportId } = await analyzeTeamWithRoster(tenant, log, now);
  const view = teamAnalysisFor(team, { role: tenant.role }, settings);
  await recordReportRead(tenant, { stored: team, view, viewers: [viewer], report: `team analysis ${reportId}` }, now);
  return view;
}

/**
 * The team analysis from stored analyses: engineers (role member with a
 * GitHub username) from one Query beside one BatchGet of the organization,
 * its connection, its sync, the team's flow (the worker's, as stored), the
 * analyses' stamp and the day's team report. When that report was computed
 * from all the same (teamBasisDigest: settings, engineers, sync, flow, and
 * the stamp, which every write of analyses changes) it is the answer: no
 * analysis is read and nothing is written. Otherwise the analyses are read
 * in BatchGet pages of 100, any out of date (a new member, a time zone just
 * changed, a new day) recomputed from stored activity, and the result saved
 * as the day's team report with its digest. GitHub is never asked. With it,
 * the people behind it (names, logins, emails), for reports that must not
 * name them, and the privacy settings read now.
 */
export async function analyzeTeamWithRoster(
  tenant: TenantContext,
  log: Logger,
  now = new Date(),
): Promise<{ team: TeamAnalysis; roster: Identifiable[]; settings: PrivacySettings; viewer: AccessViewer; reportId: string }> {
  const [context, members] = await Promise.all([loadTeamContext(tenant, now), listMembers(tenant, ['member'])]);
  if (!context.organizationItem) throw new NotFoundError('Organization not found');
  const organization = toOrganization(context.organizationItem);
  if (!context.connection) throw new GithubNotConnectedError();
  const sync = await requireFirstSync(tenant, context.connection, context.sync, now);

  const engineers = members.filter((member) => member.githubUsername);
  const basis = basisFor(organization.settings.timezone, sync.lastFinishedAt, now);
  const { recompute, ...flow } = flowReadingOf(context.flow, {
    lastFinishedAt: sync.lastFinishedAt,
    productionEnvironment: productionEnvironmentOf(organization.settings),
    team: teamDigestOf(engineers.map((member) => member.githubUsername ?? '')),
  });
  // The dashboard answers with what is stored either way; the worker brings the flow up to date.
  if (recompute) await sqsSyncQueue.send({ kind: 'flow', orgId: tenant.orgId }).catch((error: unknown) => log.warn('team flow not queued', { error }));
  const digest = teamBasisDigest({
    organizationName: organization.name,
    analysisVersion: basis.version,
    timezone: basis.timezone,
    day: basis.day,
    syncedAt: basis.syncedAt,
    analysesStamp: context.analysesStamp,
    windowDays: WINDOW_DAYS,
    engineers: engineers.map((member) => ({ userId: member.userId, name: member.name, githubUsername: member.githubUsername ?? '', timezone: member.timezone })),
    flow,
  });
  const roster = engineers.map(({ name, email, githubUsername }) => ({ name, email, ...(githubUsername ? { githubUsername } : {}) }));
  const viewer = { name: context.readerName ?? 'A former member', role: tenant.role };
  const saved = context.todaysTeamReport;
  if (saved?.basisDigest === digest) return { team: teamReportOf<TeamAnalysis>(saved), roster, settings: organization.settings, viewer, reportId: saved.reportId };

  const stored = await getAnalysesOf<MemberAnalysis>(tenant, engineers.map((member) => member.githubUsername ?? ''));
  const outdated = engineers.filter(
    (member) => !basisHolds(stored.get((member.githubUsername ?? '').toLowerCase())?.basis, personalBasis(basis, member.timezone)),
  );
  const people = outdated.map((member) => ({ userId: member.userId, githubUsername: member.githubUsername ?? '', timezone: member.timezone }));
  const recomputed = outdated.length
    ? await recomputeAnalyses(tenant, people, basis, now)
    : new Map<string, MemberAnalysis>();
  if (outdated.length) log.info('analyses recomputed for the team', { count: outdated.length });

  const inputs: TeamMemberInput[] = engineers.map((member) => {
    const login = (member.githubUsername ?? '').toLowerCase();
    const analysis = recomputed.get(login) ?? stored.get(login)?.analysis;
    return { userId: member.userId, name: member.name, githubUsername: member.githubUsername ?? '', ...(analysis ? { analysis } : {}) };
  });
  const team = buildTeamAnalysis({
    organizationId: tenant.orgId,
    organizationName: organization.name,
    members: inputs,
    now,
    windowDays: WINDOW_DAYS,
    flow,
  });
  // Saved under the stamp read before the analyses: a recomputation here restamped them, so the next read builds it
  // once more from analyses that all stand, and only that one is reused.
  const reportId = await saveTeamReport(tenant, team, now, digest);
  return { team, roster, settings: organization.settings, viewer, reportId };
}
