import type { ReportTeam } from '../domain/reports/executive-figures';
import { executiveReportFor, teamAnalysisFor, type ReportReader } from '../domain/reports/reader-view';
import type { ExecutiveReport, TeamAnalysis } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { toOrganization } from '../repositories/organizations';
import { listReports, loadReportContext, type StoredReport } from '../repositories/reports';
import type { PrivacySettings } from '../domain/privacy';

const REPORT_NOT_FOUND = 'Report not found';

export async function listReportSummaries(tenant: TenantContext) {
  return { items: await listReports(tenant) };
}

interface ReadContext<R> {
  readonly stored: StoredReport<R, ReportTeam>;
  /** The privacy settings as they are at this read. */
  readonly settings: PrivacySettings;
  /** The caller as a reader: their role now, and their own login (their own figures are theirs to see). */
  readonly caller: ReportReader;
}

async function readContext<R>(tenant: TenantContext, reportId: string): Promise<ReadContext<R>> {
  const { stored, organizationItem, readerGithubUsername } = await loadReportContext<R, ReportTeam>(tenant, reportId);
  if (!stored) throw new NotFoundError(REPORT_NOT_FOUND);
  if (!organizationItem) throw new NotFoundError('Organization not found');
  return {
    stored,
    settings: toOrganization(organizationItem).settings,
    caller: { role: tenant.role, ...(readerGithubUsername ? { githubUsername: readerGithubUsername } : {}) },
  };
}

/** `GET /reports/{reportId}`: either kind, as the caller may see it under the settings of now. */
export async function getReportBody(tenant: TenantContext, reportId: string): Promise<unknown> {
  const { stored, settings, caller } = await readContext<unknown>(tenant, reportId);
  return stored.reportType === 'team'
    ? teamAnalysisFor(stored.report as TeamAnalysis, caller, settings)
    : executiveReportFor(stored.report as ExecutiveReport, stored.source, caller, settings);
}

/** An executive report of this organization, to be read as one reader or another may see it under the settings of now. */
export interface ReadableReport {
  readonly caller: ReportReader;
  as(reader: ReportReader): ExecutiveReport;
}

export async function readableExecutiveReport(tenant: TenantContext, reportId: string): Promise<ReadableReport> {
  const { stored, settings, caller } = await readContext<ExecutiveReport>(tenant, reportId);
  // Team reports have no PDF; to a client that id has no PDF to find.
  if (stored.reportType !== 'executive') throw new NotFoundError(REPORT_NOT_FOUND);
  return { caller, as: (reader) => executiveReportFor(stored.report, stored.source, reader, settings) };
}

/** An executive report as the caller may see it. */
export async function getExecutiveReport(tenant: TenantContext, reportId: string): Promise<ExecutiveReport> {
  const readable = await readableExecutiveReport(tenant, reportId);
  return readable.as(readable.caller);
}
