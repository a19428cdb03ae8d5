import { describe, expect, it } from 'vitest';
import { niceAxis } from '../../../src/integrations/pdf/charts';
import { formatInteger, formatLongDate, formatWeekLabel, toWinAnsi } from '../../../src/integrations/pdf/format';

describe('PDF formatting', () => {
  it.each([
    ['2026-11-25T00:30:00.000Z', '25 November 2026'],
    ['2026-11-25T23:59:59.000Z', '25 November 2026'],
    ['2025-01-01T00:00:00.000Z', '1 January 2025'],
  ])('It should format %s as %s in UTC', (iso, expected) => {
    expect(formatLongDate(new Date(iso))).toBe(expected);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [8234, '8,234'],
    [1234567, '1,234,567'],
    [-4200, '-4,200'],
  ])('It should group %d as %s', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });

  it.each([
    ['2025-01-06', '6 Jan'],
    ['2024-12-30', '30 Dec'],
    ['2025-01-06T00:00:00.000Z', '6 Jan'],
    ['week 3', 'week 3'],
  ])('It should label the week of %s as %s', (weekStart, expected) => {
    expect(formatWeekLabel(weekStart)).toBe(expected);
  });

  it.each([
    ['plain ASCII', 'plain ASCII'],
    ['Müller, Søren, Zoë', 'Müller, Søren, Zoë'],
    ['2–3 engineers — “quoted” • bullet … €', '2–3 engineers — “quoted” • bullet … €'],
    ['CODE QUALITY ✅', 'CODE QUALITY'],
    ['🚨 BURNOUT ⚠️ RISKS', 'BURNOUT RISKS'],
    ['score ≥ 7.0 → good', 'score >= 7.0 -> good'],
    ['Łukasz Dvořák', '?ukasz Dvorák'],
    ['李雷', '??'],
    ['tab\there', 'tab\there'],
  ])('It should make %j safe for the standard fonts', (input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it.each([
    [0, { max: 1, step: 1 }],
    [1, { max: 1, step: 1 }],
    [3, { max: 3, step: 1 }],
    [5, { max: 6, step: 2 }],
    [7, { max: 8, step: 2 }],
    [741, { max: 800, step: 200 }],
    [812, { max: 1000, step: 250 }],
    [12_345, { max: 15_000, step: 5000 }],
  ])('It should put a count of %d on an axis of %j', (max, expected) => {
    expect(niceAxis(max)).toEqual(expected);
  });
});
