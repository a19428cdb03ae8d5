import { dailyEmailQuotaOf, type Plan } from '../domain/plans';
import { msUntilNextUtcDay } from '../domain/utc-day';
import type { TenantContext } from '../guard/tenant-context';
import { RateLimitedError } from '../errors';
import type { Logger } from '../http/logger';
import { returnDailyEmails, takeDailyEmails } from '../repositories/email-quota';
import { getOrganization } from '../repositories/organizations';

/**
 * Every email an organization causes (invitations, reports: one per
 * recipient) is taken from its plan's daily quota before it is sent. A batch
 * that does not fit is refused whole with 429 and `retry-after` up to the
 * next UTC day, and nothing of it is sent. One line for any sender:
 * `await spendEmailQuota(tenant, recipients.length)`.
 */
export async function spendEmailQuota(tenant: TenantContext, count: number, plan?: Plan, now = new Date()): Promise<void> {
  if (count <= 0) return;
  const limit = dailyEmailQuotaOf(plan ?? (await getOrganization(tenant)).plan);
  if (await takeDailyEmails(tenant, count, limit, now)) return;
  throw new RateLimitedError(
    `Your plan allows ${limit} emails a day (invitations and reports); this would exceed it. Try again tomorrow (UTC) or upgrade.`,
    msUntilNextUtcDay(now) / 1000,
  );
}

/** Emails taken at `takenAt` that were not sent after all go back to that day's quota; a failure only costs quota. */
export async function refundEmailQuota(tenant: TenantContext, count: number, takenAt: Date, log: Logger): Promise<void> {
  if (count <= 0) return;
  await returnDailyEmails(tenant, count, takenAt).catch((error: unknown) => log.warn('email quota not refunded', { error, count }));
}
