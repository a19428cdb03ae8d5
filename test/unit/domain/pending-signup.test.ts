import { describe, expect, it } from 'vitest';
import {
  hasPendingSignupExpired,
  PENDING_SIGNUP_INDEX_TTL_MS,
  PENDING_SIGNUP_TTL_MS,
  pendingUntilFor,
  sweepDays,
  SWEEP_LOOKBACK_DAYS,
  ttlOf,
} from '../../../src/domain/pending-signup';
import { lookupKeys } from '../../../src/repositories/keys';

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

describe("the sweep's index of pending signups", () => {
  it('It should file a signup under the UTC day of its expiry, sorted by the instant', () => {
    const pendingUntil = pendingUntilFor(new Date('2026-12-01T23:30:00Z'));
    expect(lookupKeys.pendingSignupEntry(pendingUntil, 'usr_1')).toEqual({
      PK: 'PENDING_SIGNUPS#2026-12-03',
      SK: '2026-12-03T23:30:00.000Z#usr_1',
    });
  });

  it.each([
    ['a signup that expired a millisecond ago', -1, true],
    ['a signup that expires this very millisecond', 0, true],
    ['a signup that expires a millisecond from now', 1, false],
  ])('It should count as due %s', (_case, offsetMs, due) => {
    const now = new Date('2026-12-03T12:00:00.000Z');
    const { SK } = lookupKeys.pendingSignupEntry(now.getTime() + offsetMs, 'usr_zzzzzzzzzzzz');
    expect(SK < lookupKeys.pendingSignupsDue('2026-12-03', now).skBefore).toBe(due);
    expect(hasPendingSignupExpired(now.getTime() + offsetMs, now)).toBe(due);
  });

  it('It should look back a week of days, oldest first and today last', () => {
    const days = sweepDays(new Date('2026-12-03T00:10:00Z'));
    expect(days).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    expect(days).toHaveLength(SWEEP_LOOKBACK_DAYS + 1);
  });

  it('It should cross month and year ends in UTC', () => {
    expect(sweepDays(new Date('2027-01-01T01:00:00Z'), 2)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('It should keep an index entry past the days the sweep looks back, so DynamoDB’s TTL never takes one first', () => {
    expect(PENDING_SIGNUP_INDEX_TTL_MS).toBeGreaterThan(SWEEP_LOOKBACK_DAYS * 24 * 3600 * 1000);
  });
});
