import type { EmailMessage } from './email';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function verificationEmail(args: { to: string; name: string; code: string; validHours: number }): EmailMessage {
  const text = [
    `Hi ${args.name},`,
    '',
    `Your DevInsights verification code is: ${args.code}`,
    '',
    `Enter it to verify your email address. It expires in ${args.validHours} hours.`,
    "If you did not sign up for DevInsights, you can ignore this email.",
  ].join('\n');
  const html = `<p>Hi ${escapeHtml(args.name)},</p><p>Your DevInsights verification code is:</p><p style="font-size:24px;font-weight:bold;letter-spacing:4px">${args.code}</p><p>It expires in ${args.validHours} hours. If you did not sign up for DevInsights, you can ignore this email.</p>`;
  return { to: [args.to], subject: 'Verify your DevInsights email address', text, html };
}

export function invitationEmail(args: {
  to: string;
  inviteeName: string;
  inviterName: string;
  organizationName: string;
  role: string;
  acceptUrl: string;
  validHours: number;
}): EmailMessage {
  const text = [
    `Hi ${args.inviteeName},`,
    '',
    `${args.inviterName} has invited you to join ${args.organizationName} on DevInsights as ${args.role}.`,
    '',
    'DevInsights analyzes your GitHub activity to provide insights on:',
    '• Code quality',
    '• Burnout risk',
    '• Team performance',
    '',
    `Accept the invitation: ${args.acceptUrl}`,
    '',
    `This invitation expires in ${args.validHours} hours.`,
  ].join('\n');
  const html = `<p>Hi ${escapeHtml(args.inviteeName)},</p><p>${escapeHtml(args.inviterName)} has invited you to join <strong>${escapeHtml(args.organizationName)}</strong> on DevInsights as ${escapeHtml(args.role)}.</p><p><a href="${escapeHtml(args.acceptUrl)}">Accept the invitation</a></p><p>This invitation expires in ${args.validHours} hours.</p>`;
  return {
    to: [args.to],
    subject: `${args.inviterName} invited you to ${args.organizationName} on DevInsights`,
    text,
    html,
  };
}

/** Only ids, times and our own words: nothing here is text the attacker chose. */
export function securityAlertEmail(args: {
  to: string[];
  organizationName: string;
  attempted: string;
  attackerUserId: string;
  attackerOrganizationId: string;
  at: Date;
}): EmailMessage {
  const text = [
    `A user of another organization tried to reach data of ${args.organizationName} on DevInsights.`,
    '',
    `What was attempted: ${args.attempted}`,
    `By: user ${args.attackerUserId} of organization ${args.attackerOrganizationId}`,
    `When: ${args.at.toISOString()}`,
    'Result: blocked. Nothing was shown to them; they were told it does not exist.',
    '',
    'The attempt is in your audit log as UNAUTHORIZED_ACCESS_ATTEMPT (repeated attempts within an hour are one entry with a count). You get at most one such email per person per hour.',
  ].join('\n');
  return { to: args.to, subject: 'Security Alert: Unauthorized access attempt detected', text };
}

export function reportEmail(args: { to: string[]; title: string; senderName: string; organizationName: string }): EmailMessage {
  const text = [
    'Hi,',
    '',
    `${args.senderName} shared the report "${args.title}" for ${args.organizationName} with you.`,
    'The PDF is attached.',
    '',
    'DevInsights',
  ].join('\n');
  return { to: args.to, subject: args.title, text };
}
