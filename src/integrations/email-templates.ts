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
