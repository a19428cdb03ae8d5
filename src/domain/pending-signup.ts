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
