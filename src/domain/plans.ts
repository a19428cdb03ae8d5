export const PLANS = ['free', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Seats per plan; `null` is unlimited. */
const MAX_MEMBERS: Record<Plan, number | null> = { free: 10, pro: 100, enterprise: null };

export function maxMembersOf(plan: Plan): number | null {
  return MAX_MEMBERS[plan];
}
