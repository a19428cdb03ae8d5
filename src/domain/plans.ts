export const PLANS = ['free', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Seats per plan; `null` is unlimited. */
const MAX_MEMBERS: Record<Plan, number | null> = { free: 10, pro: 100, enterprise: null };

export function maxMembersOf(plan: Plan): number | null {
  return MAX_MEMBERS[plan];
}

/**
 * Emails an organization may cause in one UTC day (invitations, reports:
 * each recipient counts), so an account cannot turn us into a mailer.
 * Twice the seats of the plan: room to invite a whole team and mail it reports.
 */
const DAILY_EMAILS: Record<Plan, number> = { free: 20, pro: 200, enterprise: 2000 };

export function dailyEmailQuotaOf(plan: Plan): number {
  return DAILY_EMAILS[plan];
}
