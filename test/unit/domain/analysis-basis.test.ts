import { describe, expect, it } from 'vitest';
import { basisFor, basisHolds, personalBasis, toBasis } from '../../../src/domain/analysis/analysis-basis';

const now = new Date('2026-12-02T10:00:00Z');
const organization = basisFor('America/Los_Angeles', '2026-12-02T03:00:00Z', now);

describe("a person's analysis basis", () => {
  it("It should use the person's own time zone when they set one", () => {
    expect(personalBasis(organization, 'Asia/Tokyo')).toEqual({ ...organization, timezone: 'Asia/Tokyo' });
  });

  it("It should use the organization's when they set none", () => {
    expect(personalBasis(organization, undefined)).toBe(organization);
  });

  it('It should make an analysis stored in the old zone out of date once the person sets a new one', () => {
    expect(basisHolds(organization, personalBasis(organization, 'Asia/Tokyo'))).toBe(false);
    expect(basisHolds(personalBasis(organization, 'Asia/Tokyo'), personalBasis(organization, 'Asia/Tokyo'))).toBe(true);
  });

  it('It should make an analysis stored by an older way of computing them out of date, as one stored before versions were kept', () => {
    const storedBefore = toBasis({ timezone: organization.timezone, day: organization.day, syncedAt: organization.syncedAt });
    expect(storedBefore?.version).toBe(1);
    expect(basisHolds(storedBefore, organization)).toBe(false);
    expect(basisHolds(toBasis(JSON.parse(JSON.stringify(organization))), organization)).toBe(true);
  });
});
