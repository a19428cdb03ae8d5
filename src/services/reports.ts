import type { ReportTeam } from '../domain/reports/executive-figures';
import { executiveReportFor, teamAnalysisFor } from '../domain/reports/reader-view';
import type { ReportReader } from '../domain/reports/report-audience';
import type { ExecutiveReport, TeamAnalysis } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { toOrganization } from '../repositories/organizations';
import { listReports, loadReportContext, type StoredReport } from '../repositories/reports';
import type { PrivacySettings } from '../domain/privacy';
import type { AccessViewer } from '../domain/access-log';
import { recordReportRead } from './access-log';

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
  /** The caller as the access log of the people named shows them. */
  readonly viewer: AccessViewer;
}

async function readContext<R>(tenant: TenantContext, reportId: string): Promise<ReadContext<R>> {
  const { stored, organizationItem, readerGithubUsername, readerName } = await loadReportContext<R, ReportTeam>(tenant, reportId);
  if (!stored) throw new NotFoundError(REPORT_NOT_FOUND);
  if (!organizationItem) throw new NotFoundError('Organization not found');
  return {
    stored,
    settings: toOrganization(organizationItem).settings,
    caller: { role: tenant.role, ...(readerGithubUsername ? { githubUsername: readerGithubUsername } : {}) },
    viewer: { name: readerName ?? 'A former member', role: tenant.role },
  };
}

/** `GET /reports/{reportId}`: either kind, as the caller may see it under the settings of now; the people it names get an access-log entry. */
export async function getReportBody(tenant: TenantContext, reportId: string, now = new Date()): Promise<unknown> {
  const { stored, settings, caller, viewer } = await readContext<unknown>(tenant, reportId);
  const view =
    stored.reportType === 'team'
      ? teamAnalysisFor(stored.report as TeamAnalysis, caller, settings)
      : executiveReportFor(stored.report as ExecutiveReport, stored.source, caller, settings);
  await recordReportRead(tenant, { stored: [stored.report, stored.source], view, viewers: [viewer], readerLogin: caller.githubUsername, report: `report ${reportId}` }, now);
  return view;
}

/** An executive report of this organization, to be read as one reader or another may see it under the settings of now. */
export interface ReadableReport {
  readonly caller: ReportReader;
  /** The caller as the access log shows them. */
  readonly viewer: AccessViewer;
  as(reader: ReportReader): ExecutiveReport;
  /** Writes the access-log entries of the people `view` names, as read by `viewers` (`how`: "PDF", "email"). */
  recordRead(view: ExecutiveReport, viewers: readonly AccessViewer[], how: string, now: Date): Promise<void>;
}

export async function readableExecutiveReport(tenant: TenantContext, reportId: string): Promise<ReadableReport> {
  const { stored, settings, caller, viewer } = await readContext<ExecutiveReport>(tenant, reportId);
  // Team reports have no PDF; to a client that id has no PDF to find.
  if (stored.reportType !== 'executive') throw new NotFoundError(REPORT_NOT_FOUND);
  return {
    caller,
    viewer,
    as: (reader) => executiveReportFor(stored.report, stored.source, reader, settings),
    recordRead: (view, viewers, how, now) =>
      recordReportRead(tenant, { stored: [stored.report, stored.source], view, viewers, readerLogin: caller.githubUsername, report: `report ${reportId} (${how})` }, now),
  };
}
