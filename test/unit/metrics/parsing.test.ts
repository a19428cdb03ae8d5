import { describe, expect, it } from 'vitest';
import { medianOf } from '../../../src/domain/metrics/median';
import { parseTimestamp } from '../../../src/domain/metrics/time';

describe('parseTimestamp', () => {
  it.each([
    '2026-01-20T07:15:00Z',
    '2026-01-20T07:15:00.123Z',
    '2024-02-29T23:59:59Z',
    '2026-02-29T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-31T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T00:00:60Z',
    '2026-01-01T00:00:00+02:00',
    '2026-01-01T00:00:00.5Z',
    '2026-01-01T00:00Z',
    '2026-01-01',
    '1969-12-31T23:59:59Z',
    '2000-02-29T12:00:00Z',
    '2100-02-29T12:00:00Z',
    '20x6-01-01T00:00:00Z',
    'garbage',
    '',
  ])('reads %j exactly as Date.parse does', (text) => {
    expect(parseTimestamp(text)).toBe(Date.parse(text));
  });

  it('agrees with Date.parse on every second-precision instant sampled across 1970–2100', () => {
    const mismatches: string[] = [];
    for (let ms = 0; ms < Date.UTC(2100, 0, 1); ms += 7_777_777_000) {
      for (const text of [new Date(ms).toISOString(), new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')]) {
        if (parseTimestamp(text) !== Date.parse(text)) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('medianOf', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[-1, 1], 0],
    [[10, 10, 10, 1000], 10],
  ])('gives the median of %j: %s', (values, expected) => {
    expect(medianOf(values)).toBe(expected);
  });
});
