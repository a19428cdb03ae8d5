import type { ExecutiveReport } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError } from '../errors';
import { getReport, listReports } from '../repositories/reports';

const REPORT_NOT_FOUND = 'Report not found';

export async function listReportSummaries(tenant: TenantContext) {
  return { items: await listReports(tenant) };
}

export async function getReportBody(tenant: TenantContext, reportId: string): Promise<unknown> {
  const stored = await getReport<unknown>(tenant, reportId);
  if (!stored) throw new NotFoundError(REPORT_NOT_FOUND);
  return stored.report;
}

export async function getExecutiveReport(tenant: TenantContext, reportId: string): Promise<ExecutiveReport> {
  const stored = await getReport<ExecutiveReport>(tenant, reportId);
  // Team reports have no PDF; to a client that id has no PDF to find.
  if (!stored || stored.reportType !== 'executive') throw new NotFoundError(REPORT_NOT_FOUND);
  return stored.report;
}
