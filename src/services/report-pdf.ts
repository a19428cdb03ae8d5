import type { TenantContext } from '../guard/tenant-context';
import { ValidationError } from '../errors';
import type { Logger } from '../http/logger';
import { sendEmailWithAttachments } from '../integrations/email';
import { reportEmail } from '../integrations/email-templates';
import { renderExecutiveReportPdf } from '../integrations/pdf/executive-report-pdf';
import { getProfile } from '../repositories/memberships';
import { listMembers } from '../repositories/members';
import { leastPrivilegedReader } from '../domain/reports/report-audience';
import { spendEmailQuota } from './email-quota';
import { readableExecutiveReport } from './reports';

/** The PDF as the caller may see it; the access-log entries of the people it names are written while it renders. */
export async function reportPdf(tenant: TenantContext, reportId: string, now = new Date()): Promise<{ pdf: Buffer; filename: string }> {
  const readable = await readableExecutiveReport(tenant, reportId);
  const report = readable.as(readable.caller);
  const [pdf] = await Promise.all([renderExecutiveReportPdf(report), readable.recordRead(report, [readable.viewer], 'PDF', now)]);
  return { pdf, filename: `${reportId}.pdf` };
}

/**
 * Sends the PDF to members of this organization only: one outside address
 * refuses the whole request and nothing is sent. Everyone gets the same
 * PDF, so it is rendered as the least privileged recipient may see it (no
 * recipient counts as the person behind anyone's figures).
 */
export async function emailReport(tenant: TenantContext, reportId: string, to: readonly string[], log: Logger, now = new Date()) {
  const [readable, members, sender] = await Promise.all([
    readableExecutiveReport(tenant, reportId),
    listMembers(tenant),
    getProfile(tenant.userId),
  ]);
  const roleOf = new Map(members.map((member) => [member.email.toLowerCase(), member.role]));
  const nameOf = new Map(members.map((member) => [member.email.toLowerCase(), member.name]));
  const outside = to.flatMap((address, index) =>
    roleOf.has(address.toLowerCase()) ? [] : [{ path: `to.${index}`, message: 'Not a member of this organization' }],
  );
  if (outside.length > 0) throw new ValidationError('Reports can only be sent to members of this organization', outside);
  const recipients = [...new Set(to.map((address) => address.toLowerCase()))];
  await spendEmailQuota(tenant, recipients.length);
  const report = readable.as(leastPrivilegedReader(recipients.flatMap((address) => roleOf.get(address) ?? [])));
  const pdf = await renderExecutiveReportPdf(report);
  // Each recipient is a reader of what the PDF names: their entries are written while it is sent.
  const readers = recipients.flatMap((address) => {
    const role = roleOf.get(address);
    return role ? [{ name: nameOf.get(address) ?? address, role }] : [];
  });
  const send = sendEmailWithAttachments({
    ...reportEmail({
      to: recipients,
      title: report.title,
      senderName: sender?.name ?? 'Your administrator',
      organizationName: report.organizationName,
    }),
    attachments: [{ filename: `${reportId}.pdf`, contentType: 'application/pdf', content: pdf }],
  });
  await Promise.all([send, readable.recordRead(report, readers, 'email', now)]);
  log.info('report emailed', { reportId, recipients: recipients.length });
  return { success: true, reportId, sent: recipients.length };
}
