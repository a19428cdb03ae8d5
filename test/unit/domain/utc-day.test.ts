import { describe, expect, it } from 'vitest';
import { msUntilNextUtcDay, utcDayOf } from '../../../src/domain/utc-day';

describe('the UTC day of the email quota', () => {
  it.each([
    ['2026-12-01T00:00:00.000Z', '2026-12-01', 86_400_000],
    ['2026-12-01T23:59:59.000Z', '2026-12-01', 1_000],
    ['2026-12-31T12:00:00.000Z', '2026-12-31', 43_200_000],
  ])('It should place %s in day %s with %d ms left', (at, day, left) => {
    expect(utcDayOf(new Date(at))).toBe(day);
    expect(msUntilNextUtcDay(new Date(at))).toBe(left);
  });
});
