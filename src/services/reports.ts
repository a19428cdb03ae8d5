import type { PrivacySettings } from '../domain/privacy';
import type { ReportTeam } from '../domain/reports/executive-figures';
import { executiveReportFor, teamAnalysisFor, type ReportReader } from '../domain/reports/reader-view';
import type { ExecutiveReport, TeamAnalysis } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { findMember } from '../repositories/members';
import { getOrganization } from '../repositories/organizations';
import { getReport, listReports } from '../repositories/reports';

const REPORT_NOT_FOUND = 'Report not found';

export async function listReportSummaries(tenant: TenantContext) {
  return { items: await listReports(tenant) };
}

/** The organization's privacy settings as they are now (a consistent read: a change just made applies to this read). */
export async function privacySettingsNow(tenant: TenantContext): Promise<PrivacySettings> {
  return (await getOrganization(tenant, { consistent: true })).settings;
}

/** The caller as a reader of reports: their role now, and their own login (their own figures are theirs to see). */
async function readerOf(tenant: TenantContext): Promise<ReportReader> {
  const member = await findMember(tenant, tenant.userId);
  return { role: tenant.role, ...(member?.githubUsername ? { githubUsername: member.githubUsername } : {}) };
}

/** `GET /reports/{reportId}`: either kind, as the caller may see it under the settings of now. */
export async function getReportBody(tenant: TenantContext, reportId: string): Promise<unknown> {
  const [stored, reader, settings] = await Promise.all([getReport<unknown, ReportTeam>(tenant, reportId), readerOf(tenant), privacySettingsNow(tenant)]);
  if (!stored) throw new NotFoundError(REPORT_NOT_FOUND);
  return stored.reportType === 'team'
    ? teamAnalysisFor(stored.report as TeamAnalysis, reader, settings)
    : executiveReportFor(stored.report as ExecutiveReport, stored.source, reader, settings);
}

/** An executive report of this organization, to be read as one reader may see it under the settings of now. */
export interface ReadableReport {
  readonly title: string;
  readonly organizationName: string;
  as(reader: ReportReader): ExecutiveReport;
}

export async function readableExecutiveReport(tenant: TenantContext, reportId: string): Promise<ReadableReport> {
  const [stored, settings] = await Promise.all([getReport<ExecutiveReport, ReportTeam>(tenant, reportId), privacySettingsNow(tenant)]);
  // Team reports have no PDF; to a client that id has no PDF to find.
  if (!stored || stored.reportType !== 'executive') throw new NotFoundError(REPORT_NOT_FOUND);
  return {
    title: stored.report.title,
    organizationName: stored.report.organizationName,
    as: (reader) => executiveReportFor(stored.report, stored.source, reader, settings),
  };
}

/** An executive report as the caller may see it. */
export async function getExecutiveReport(tenant: TenantContext, reportId: string): Promise<ExecutiveReport> {
  const [readable, reader] = await Promise.all([readableExecutiveReport(tenant, reportId), readerOf(tenant)]);
  return readable.as(reader);
}
