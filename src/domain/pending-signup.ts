import { utcDayOf } from './utc-day';

/**
 * A signup whose email was never verified holds its address and its
 * organization name only this long. After that both count as free: the next
 * signup (or an invitation) takes them over and the stale account goes.
 * Correctness never waits for DynamoDB's TTL, which is lazy (up to days on
 * AWS, never in DynamoDB Local); the `ttl` only tidies up eventually.
 */
export const PENDING_SIGNUP_TTL_MS = 48 * 60 * 60 * 1000;

export function pendingUntilFor(now: Date): number {
  return now.getTime() + PENDING_SIGNUP_TTL_MS;
}

/** A pending reservation without an expiry (written before expiry existed) never expires on its own. */
export function hasPendingSignupExpired(pendingUntil: number | undefined, now: Date): boolean {
  return pendingUntil !== undefined && pendingUntil <= now.getTime();
}

/** DynamoDB's `ttl` (epoch seconds) for an item that may go once the signup expired. */
export function ttlOf(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/**
 * The sweep of expired signups finds them in one lookup partition per UTC day
 * of their `pendingUntil`, and looks this many days back: a sweep that did not
 * run for longer leaves older ones to the takeover (which still frees their
 * address and name) and to DynamoDB's TTL.
 */
export const SWEEP_LOOKBACK_DAYS = 7;

/** The index entry outlives the lookback, so the sweep never meets an expired signup whose entry TTL already took. */
export const PENDING_SIGNUP_INDEX_TTL_MS = (SWEEP_LOOKBACK_DAYS + 7) * 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC days whose index partitions may hold signups expired by `now`, oldest first, today last. */
export function sweepDays(now: Date, lookbackDays = SWEEP_LOOKBACK_DAYS): string[] {
  return Array.from({ length: lookbackDays + 1 }, (_, index) =>
    utcDayOf(new Date(now.getTime() - (lookbackDays - index) * DAY_MS)),
  );
}
