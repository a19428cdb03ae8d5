import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import type { CommitRecord } from '../../src/domain/activity';
import { slicesOf } from '../../src/domain/sync/activity-slices';
import { DEMO_DATASET_PATH } from '../../src/local/github-emulator';
import { activitySlicesOf, MAX_SLICE_BYTES, readActivitySlices, writeActivitySlices } from '../../src/repositories/activity-slices';
import { sharedStackEnvironment } from '../support/private-api';

/** The storage of synced activity, against the shared stack's DynamoDB Local (the repository layer called directly). */
const tenant = () => ({ orgId: `org_slices_${randomBytes(4).toString('hex')}` });

beforeAll(() => {
  provideAppEnvironment({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' });
});

const commit = (repo: string, index: number, authoredAt: string): CommitRecord => ({
  repo, sha: randomBytes(20).toString('hex'), authorLogin: 'bob-senior', authoredAt, message: `fix: change number ${index} of the day\n\nlonger body`, parents: 1,
});

describe('activity slices in the table', () => {
  it("It should read one person's window across repositories and months in one Query, and nothing before it", async () => {
    const org = tenant();
    const slices = slicesOf({
      repo: 'techstartup/api',
      commits: [commit('techstartup/api', 1, '2026-08-20T10:00:00Z'), commit('techstartup/api', 2, '2026-09-20T10:00:00Z')],
      pullRequests: [],
      issues: [],
    }).concat(slicesOf({ repo: 'techstartup/web', commits: [commit('techstartup/web', 3, '2026-11-02T10:00:00Z')], pullRequests: [], issues: [] }));
    await writeActivitySlices(org, slices, new Date());

    const read = await activitySlicesOf(org, 'Bob-Senior', '2026-09');

    expect(read.map((slice) => [slice.month, slice.repo])).toEqual([
      ['2026-09', 'techstartup/api'],
      ['2026-11', 'techstartup/web'],
    ]);
    expect(read.flatMap((slice) => slice.commits)).toEqual([slices[1]?.commits[0], slices[2]?.commits[0]]);
  });

  it('It should give back exactly the slices asked for by their keys', async () => {
    const org = tenant();
    const [slice] = slicesOf({ repo: 'techstartup/api', commits: [commit('techstartup/api', 1, '2026-11-20T10:00:00Z')], pullRequests: [], issues: [] });
    await writeActivitySlices(org, [slice!], new Date());

    const found = await readActivitySlices(org, [slice!, { login: 'alice-dev', month: '2026-11', repo: 'techstartup/api' }]);

    expect([...found.values()]).toEqual([slice]);
  });

  it("It should keep a month of ten times the demo's busiest engineer in one repository far inside DynamoDB's item limit", async () => {
    const demo = JSON.parse(readFileSync(DEMO_DATASET_PATH, 'utf8')) as { commits: { repo: string; author: string; date: string }[] };
    const busiest = demo.commits.filter((entry) => entry.repo === 'techstartup/api' && entry.author === 'bob-senior');
    // Bob's 90 days in techstartup/api, ten times over, all in one month: far more than any real month.
    const commits = Array.from({ length: 10 }, () => busiest).flat().map((_, index) => commit('techstartup/api', index, `2026-11-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z`));
    const org = tenant();
    const slices = slicesOf({ repo: 'techstartup/api', commits, pullRequests: [], issues: [] });

    await writeActivitySlices(org, slices, new Date());
    const [read] = await activitySlicesOf(org, 'bob-senior', '2026-11');

    expect(slices).toHaveLength(1);
    expect(read?.commits).toHaveLength(commits.length);
    expect(JSON.stringify(read?.commits).length).toBeGreaterThan(MAX_SLICE_BYTES / 2);
  });
});
