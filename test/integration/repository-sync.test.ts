import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/domain/metrics';
import { activityOf } from '../../src/domain/sync/activity-slices';
import type { CallStats } from '../../src/integrations/github/conditional-client';
import type { GithubClient } from '../../src/integrations/github/installation-client';
import { DEMO_DATASET_PATH, type GithubEmulator } from '../../src/local/github-emulator';
import { activitySlicesOf } from '../../src/repositories/activity-slices';
import { repositoriesToSync, syncRepository } from '../../src/services/repository-sync';
import { datasetActivity } from '../support/dataset-activity';
import { startEmulatedInstallation } from '../support/emulated-installation';
import { sharedStackEnvironment } from '../support/private-api';

/**
 * The organization sync reads each repository once and stores activity per
 * person; the metrics computed from what it stored must be exactly those of
 * the dataset's own records (metrics.md unchanged), for every person of the
 * demo organization. An emulator of this file's own (with the
 * app) and the shared stack's DynamoDB Local; the services called directly.
 */
const DEMO_PEOPLE = ['sarah-em', 'bob-senior', 'charlie-junior', 'alice-dev', 'dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
const WINDOW_DAYS = 90;

let emulator: GithubEmulator;
let github: GithubClient;
/** When the emulator started: its anchor shift is taken then. */
let emulatorStart: number;
const tenant = { orgId: `org_sync_${randomBytes(4).toString('hex')}` };
const now = new Date();
const windowStart = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
const stats = (): CallStats => ({ requests: 0, notModified: 0 });

async function syncAll(): Promise<{ repositories: number; requests: number; notModified: number }> {
  const listing = stats();
  const repositories = await repositoriesToSync(github, windowStart, {}, listing);
  const results = await Promise.all(repositories.map((repo) => syncRepository(tenant, github, repo, windowStart, now)));
  return {
    repositories: repositories.length,
    requests: listing.requests + results.reduce((sum, result) => sum + result.requests, 0),
    notModified: results.reduce((sum, result) => sum + result.notModified, 0),
  };
}

beforeAll(async () => {
  emulatorStart = Date.now();
  ({ emulator, github } = await startEmulatedInstallation({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' }));
});

afterAll(async () => {
  await emulator?.close();
});

describe('the organization sync, one repository at a time', () => {
  it('It should store what gives every demo person exactly the metrics of the dataset', async () => {
    const cold = await syncAll();
    expect(cold.repositories).toBeGreaterThan(0);

    for (const login of DEMO_PEOPLE) {
      const direct = await datasetActivity(DEMO_DATASET_PATH, 'techstartup', login, emulatorStart);
      const slices = await activitySlicesOf(tenant, login, windowStart.slice(0, 7));
      const expected = computeMetrics({ activity: direct, now, windowDays: WINDOW_DAYS, timezone: 'America/Los_Angeles' }).metrics;
      const synced = computeMetrics({ activity: activityOf(login, slices), now, windowDays: WINDOW_DAYS, timezone: 'America/Los_Angeles' }).metrics;
      expect({ login, ...synced }).toEqual({ login, ...expected });
    }
  });

  it('It should cost an unchanged organization only 304s the second time, and store nothing twice', async () => {
    await syncAll();
    const before = await activitySlicesOf(tenant, 'bob-senior', windowStart.slice(0, 7));

    const again = await syncAll();
    const after = await activitySlicesOf(tenant, 'bob-senior', windowStart.slice(0, 7));

    // The repository list and one issues list per repository, every one a 304.
    expect(again.requests).toBe(again.repositories + 1);
    expect(again.notModified).toBe(again.repositories);
    expect(after).toEqual(before);
  });
});
