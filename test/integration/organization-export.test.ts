import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { exportOrganization } from '../../src/services/organization-export';
import { sharedStackEnvironment } from '../support/private-api';
import { api } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

/**
 * An organization's export in parts: a Lambda answers at most 6 MB, so a
 * large organization's export comes as parts of a few MB, each with the
 * cursor of the next. The parts together are the whole export.
 */
let team: StoryTeam;

beforeAll(async () => {
  team = await storyTeam();
  provideAppEnvironment({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' });
});

type Grouped = Record<string, Record<string, unknown>[]>;
const merged = (parts: readonly Grouped[]): Grouped => {
  const all: Grouped = {};
  for (const part of parts) for (const [kind, items] of Object.entries(part)) (all[kind] ??= []).push(...items);
  return all;
};

describe('GET /organization/export in parts', () => {
  it('answers the demo organization whole, in one part with no next cursor, and refuses a forged cursor with 400', async () => {
    const whole = await api('/organization/export', { token: team.sarah.accessToken });
    expect(whole.status).toBe(200);
    expect(whole.body.nextCursor).toBeNull();
    expect(Object.keys(whole.body.items)).toEqual(expect.arrayContaining(['ORG', 'ACT', 'GITHUB_DATA']));
    const forged = await api('/organization/export?cursor=QUNUI2FsaWNlLWRldg.forged', { token: team.sarah.accessToken });
    expect(forged.status).toBe(400);
  });

  it('gives every item once across parts that each stay within their size, following the cursors', async () => {
    const tenant = { orgId: team.sarah.organizationId, userId: team.sarah.userId, role: 'admin' as const };
    const partBytes = 20_000;
    const whole = await exportOrganization(tenant, { partBytes: 100 * 1024 * 1024 });
    expect(whole.nextCursor).toBeNull();

    const parts: Grouped[] = [];
    let cursor: string | undefined;
    do {
      const part = await exportOrganization(tenant, { cursor, partBytes });
      const sizes = Object.values(part.items).flat().map((item) => Buffer.byteLength(JSON.stringify(item)));
      // Within its size, or one item alone that is larger.
      expect(sizes.reduce((sum, size) => sum + size, 0) <= partBytes || sizes.length === 1).toBe(true);
      parts.push(part.items);
      cursor = part.nextCursor ?? undefined;
    } while (cursor);

    expect(parts.length).toBeGreaterThan(2);
    // The audit entries the exports wrote land between them: compare the rest.
    const { AUDIT: _partsAudit, ...inParts } = merged(parts);
    const { AUDIT: _wholeAudit, ...inWhole } = whole.items;
    expect(inParts).toEqual(inWhole);
  });
});
