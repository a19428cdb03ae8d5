import { randomBytes } from 'node:crypto';
import { buildExecutiveReport } from '../domain/reports/executive-report';
import { executiveReportFor } from '../domain/reports/reader-view';
import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { saveExecutiveReport } from '../repositories/reports';
import type { ExecutiveReportBody } from '../schemas/reports';
import { recordReportRead } from './access-log';
import { analyzeTeamWithRoster } from './team-performance';

/** Ids that sort by creation time: `rpt_20261125T133500Z_…`. */
function newReportId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `rpt_${stamp}_${randomBytes(6).toString('base64url')}`;
}

/**
 * Builds and stores the report in full, with the team analysis it was built
 * from (every read filters it again for its reader); answers with the
 * caller's view of it. The caller is an admin, in no one's figures.
 */
export async function generateExecutiveReport(tenant: TenantContext, options: ExecutiveReportBody, log: Logger, now = new Date()) {
  const { team, roster, settings, viewer } = await analyzeTeamWithRoster(tenant, log, now);
  const reportId = newReportId(now);
  const report = buildExecutiveReport({ team, options, reportId, generatedBy: tenant.userId, now, people: roster });
  const view = executiveReportFor(report, team, { role: tenant.role }, settings);
  // Its first reader is its author: the people it names get their access-log entries while it is stored.
  await Promise.all([
    saveExecutiveReport(tenant, reportId, report, team, now),
    recordReportRead(tenant, { stored: [report, team], view, viewers: [viewer], report: `report ${reportId}` }, now),
  ]);
  return { reportId, report: view, pdfUrl: `/reports/${reportId}/pdf` };
}
