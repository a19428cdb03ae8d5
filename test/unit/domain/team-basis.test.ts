import { describe, expect, it } from 'vitest';
import { teamBasisDigest, type TeamBasis } from '../../../src/domain/reports/team-basis';

const basis: TeamBasis = {
  organizationName: 'TechStartup',
  analysisVersion: 2,
  timezone: 'America/Los_Angeles',
  day: '2026-12-01',
  syncedAt: '2026-12-01T10:00:00.000Z',
  analysesStamp: 'stp_a',
  windowDays: 90,
  engineers: [
    { userId: 'usr_b', name: 'Bob Senior', githubUsername: 'bob-senior' },
    { userId: 'usr_a', name: 'Alice Dev', githubUsername: 'alice-dev', timezone: 'Asia/Tokyo' },
  ],
  flow: { flow: null, flowStatus: 'none' },
};

describe('teamBasisDigest', () => {
  it('is the same for the same team listed in another order or with logins in other case', () => {
    const reordered = { ...basis, engineers: [...basis.engineers].reverse().map((e) => ({ ...e, githubUsername: e.githubUsername.toUpperCase() })) };
    expect(teamBasisDigest(reordered)).toBe(teamBasisDigest(basis));
  });

  it.each<[string, Partial<TeamBasis>]>([
    ['a new day', { day: '2026-12-02' }],
    ['a new way of computing analyses', { analysisVersion: 3 }],
    ['another time zone', { timezone: 'Europe/Berlin' }],
    ['a newer sync', { syncedAt: '2026-12-01T11:00:00.000Z' }],
    ['analyses written since', { analysesStamp: 'stp_b' }],
    ['no analyses written yet', { analysesStamp: undefined }],
    ['a renamed organization', { organizationName: 'TechStartup Inc' }],
    ['another window', { windowDays: 30 }],
    ['a member who left', { engineers: basis.engineers.slice(0, 1) }],
    ['a renamed engineer', { engineers: [{ ...basis.engineers[0]!, name: 'Robert Senior' }, basis.engineers[1]!] }],
    ["an engineer's own time zone", { engineers: [basis.engineers[0]!, { ...basis.engineers[1]!, timezone: undefined }] }],
    ['another flow', { flow: { flow: null, flowStatus: 'outdated' } }],
  ])('changes with %s', (_, change) => {
    expect(teamBasisDigest({ ...basis, ...change })).not.toBe(teamBasisDigest(basis));
  });
});
