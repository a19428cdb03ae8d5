import type { TenantContext } from '../guard/tenant-context';
import { ValidationError } from '../errors';
import type { Logger } from '../http/logger';
import { sendEmailWithAttachments } from '../integrations/email';
import { reportEmail } from '../integrations/email-templates';
import { renderExecutiveReportPdf } from '../integrations/pdf/executive-report-pdf';
import { getProfile } from '../repositories/memberships';
import { listMembers } from '../repositories/members';
import { spendEmailQuota } from './email-quota';
import { getExecutiveReport } from './reports';

export async function reportPdf(tenant: TenantContext, reportId: string): Promise<{ pdf: Buffer; filename: string }> {
  const report = await getExecutiveReport(tenant, reportId);
  return { pdf: await renderExecutiveReportPdf(report), filename: `${reportId}.pdf` };
}

/**
 * Sends the PDF to members of this organization only: one outside address
 * refuses the whole request and nothing is sent.
 */
export async function emailReport(tenant: TenantContext, reportId: string, to: readonly string[], log: Logger) {
  const [report, members, sender] = await Promise.all([
    getExecutiveReport(tenant, reportId),
    listMembers(tenant),
    getProfile(tenant.userId),
  ]);
  const memberEmails = new Set(members.map((member) => member.email.toLowerCase()));
  const outside = to.flatMap((address, index) =>
    memberEmails.has(address.toLowerCase()) ? [] : [{ path: `to.${index}`, message: 'Not a member of this organization' }],
  );
  if (outside.length > 0) throw new ValidationError('Reports can only be sent to members of this organization', outside);
  const recipients = [...new Set(to.map((address) => address.toLowerCase()))];
  await spendEmailQuota(tenant, recipients.length);
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
