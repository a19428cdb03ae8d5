import { randomBytes } from 'node:crypto';
import { buildExecutiveReport } from '../domain/reports/executive-report';
import type { ExecutiveReport } from '../domain/reports/types';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError, ValidationError } from '../http/errors';
import type { Logger } from '../http/logger';
import { sendEmailWithAttachments } from '../integrations/email';
import { reportEmail } from '../integrations/email-templates';
import { renderExecutiveReportPdf } from '../integrations/pdf/executive-report-pdf';
import { getProfile } from '../repositories/memberships';
import { listMembers } from '../repositories/members';
import { getReport, listReports, saveExecutiveReport } from '../repositories/reports';
import type { ExecutiveReportBody } from '../schemas/reports';
import { analyzeTeamWithRoster } from './team-performance';

const REPORT_NOT_FOUND = 'Report not found';

/** Ids that sort by creation time: `rpt_20261125T133500Z_…`. */
function newReportId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `rpt_${stamp}_${randomBytes(6).toString('base64url')}`;
}

export async function generateExecutiveReport(tenant: TenantContext, options: ExecutiveReportBody, log: Logger, now = new Date()) {
  const { team, roster } = await analyzeTeamWithRoster(tenant, log, now);
  const reportId = newReportId(now);
  const report = buildExecutiveReport({ team, options, reportId, generatedBy: tenant.userId, now, people: roster });
  await saveExecutiveReport(tenant, reportId, report, now);
  return { reportId, report, pdfUrl: `/reports/${reportId}/pdf` };
}

export async function listReportSummaries(tenant: TenantContext) {
  return { items: await listReports(tenant) };
}

export async function getReportBody(tenant: TenantContext, reportId: string): Promise<unknown> {
  const stored = await getReport<unknown>(tenant, reportId);
  if (!stored) throw new NotFoundError(REPORT_NOT_FOUND);
  return stored.report;
}

async function executiveReport(tenant: TenantContext, reportId: string): Promise<ExecutiveReport> {
  const stored = await getReport<ExecutiveReport>(tenant, reportId);
  // Team reports have no PDF; to a client that id has no PDF to find.
  if (!stored || stored.reportType !== 'executive') throw new NotFoundError(REPORT_NOT_FOUND);
  return stored.report;
}

export async function reportPdf(tenant: TenantContext, reportId: string): Promise<{ pdf: Buffer; filename: string }> {
  const report = await executiveReport(tenant, reportId);
  return { pdf: await renderExecutiveReportPdf(report), filename: `${reportId}.pdf` };
}

/**
 * Sends the PDF to members of this organization only: one outside address
 * refuses the whole request and nothing is sent.
 */
export async function emailReport(tenant: TenantContext, reportId: string, to: readonly string[], log: Logger) {
  const [report, members, sender] = await Promise.all([
    executiveReport(tenant, reportId),
    listMembers(tenant),
    getProfile(tenant.userId),
  ]);
  const memberEmails = new Set(members.map((member) => member.email.toLowerCase()));
  const outside = to.flatMap((address, index) =>
    memberEmails.has(address.toLowerCase()) ? [] : [{ path: `to.${index}`, message: 'Not a member of this organization' }],
  );
  if (outside.length > 0) throw new ValidationError('Reports can only be sent to members of this organization', outside);
  const recipients = [...new Set(to.map((address) => address.toLowerCase()))];
  const pdf = await renderExecutiveReportPdf(report);
  await sendEmailWithAttachments({
    ...reportEmail({
      to: recipients,
      title: report.title,
      senderName: sender?.name ?? 'Your administrator',
      organizationName: report.organizationName,
    }),
    attachments: [{ filename: `${reportId}.pdf`, contentType: 'application/pdf', content: pdf }],
  });
  log.info('report emailed', { reportId, recipients: recipients.length });
  return { success: true, reportId, sent: recipients.length };
}
