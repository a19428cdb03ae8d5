import { describe, expect, it } from 'vitest';
import { hasPendingSignupExpired, PENDING_SIGNUP_TTL_MS, pendingUntilFor, ttlOf } from '../../../src/domain/pending-signup';

const signedUpAt = new Date('2026-12-01T10:00:00Z');
const after = (ms: number) => new Date(signedUpAt.getTime() + ms);

describe('pending signups', () => {
  it('It should hold an unverified signup for 48 hours', () => {
    expect(pendingUntilFor(signedUpAt) - signedUpAt.getTime()).toBe(48 * 3600 * 1000);
  });

  it.each([
    ['a minute after signup', 60_000, false],
    ['a second before the 48 hours are up', PENDING_SIGNUP_TTL_MS - 1000, false],
    ['when the 48 hours are up', PENDING_SIGNUP_TTL_MS, true],
    ['a week later', 7 * 24 * 3600 * 1000, true],
  ])('It should decide whether it expired %s', (_case, elapsed, expired) => {
    expect(hasPendingSignupExpired(pendingUntilFor(signedUpAt), after(elapsed))).toBe(expired);
  });

  it('It should never expire a reservation that carries no expiry', () => {
    expect(hasPendingSignupExpired(undefined, after(365 * 24 * 3600 * 1000))).toBe(false);
  });

  it('It should give DynamoDB a ttl in whole seconds, not before the expiry', () => {
    expect(ttlOf(1_500)).toBe(2);
    expect(ttlOf(2_000)).toBe(2);
  });
});
