import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GithubEmulator } from '../../src/local/github-emulator';
import { activitySlicesOf } from '../../src/repositories/activity-slices';
import { syncStatusOf } from '../../src/repositories/sync-status';
import { RetryAtError, runRepositorySyncJob, startOrganizationSync, windowStartOf, type RepositorySyncJob } from '../../src/services/organization-sync';
import { startEmulatedInstallation } from '../support/emulated-installation';
import { sharedStackEnvironment } from '../support/private-api';

/**
 * The sync's two job kinds run by hand in order, with the queue replaced by
 * a list the test drains (the queue itself is tested on its own): against
 * an emulator of this file's own and the shared stack's DynamoDB Local.
 */
let emulator: GithubEmulator;
let installationId: number;
const tenant = () => ({ orgId: `org_orgsync_${randomBytes(4).toString('hex')}` });

async function started(org: { orgId: string }): Promise<RepositorySyncJob[]> {
  const queued: RepositorySyncJob[] = [];
  await startOrganizationSync(org, installationId, async (jobs) => void queued.push(...jobs));
  return queued;
}

const spendBudget = (remaining: number) =>
  fetch(`${emulator.url}/_emulator/installations/${installationId}/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ remaining }) });

beforeAll(async () => {
  ({ emulator, installationId } = await startEmulatedInstallation({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' }));
});

afterAll(async () => {
  await emulator?.close();
});

describe('the organization sync as jobs', () => {
  it('It should queue one job per active repository, and finish when the last one is done', async () => {
    const org = tenant();
    const jobs = await started(org);

    expect(jobs.length).toBeGreaterThan(1);
    expect(await syncStatusOf(org)).toMatchObject({ status: 'running', repositories: { done: 0, total: jobs.length } });
    for (const job of jobs) await runRepositorySyncJob(job);

    expect(await syncStatusOf(org)).toMatchObject({ status: 'idle', repositories: { done: jobs.length, total: jobs.length }, finishedAt: expect.any(String) });
    expect((await activitySlicesOf(org, 'bob-senior', windowStartOf(new Date()).slice(0, 7))).length).toBeGreaterThan(0);
  });

  it('It should not start a second sync while one runs', async () => {
    const org = tenant();
    await started(org);

    expect(await started(org)).toEqual([]);
  });

  it('It should count a job delivered twice once, and store nothing twice', async () => {
    const org = tenant();
    const [first, ...rest] = await started(org);
    await runRepositorySyncJob(first!);
    const before = await activitySlicesOf(org, 'bob-senior', first!.since.slice(0, 7));

    await runRepositorySyncJob(first!);

    expect(await activitySlicesOf(org, 'bob-senior', first!.since.slice(0, 7))).toEqual(before);
    expect(await syncStatusOf(org)).toMatchObject({ repositories: { done: 1, total: rest.length + 1 } });
  });

  it('It should wait when the installation\'s budget is spent, and finish after the reset with nothing lost', async () => {
    const org = tenant();
    const jobs = await started(org);
    await spendBudget(0);

    const waited = await runRepositorySyncJob(jobs[0]!).catch((error: unknown) => error);
    const waiting = await syncStatusOf(org);
    await spendBudget(100_000);
    for (const job of jobs) await runRepositorySyncJob(job);

    expect(waited).toBeInstanceOf(RetryAtError);
    expect(waiting).toMatchObject({ status: 'waiting_for_rate_limit', rateLimit: { remaining: 0 } });
    expect(await syncStatusOf(org)).toMatchObject({ status: 'idle', repositories: { done: jobs.length, total: jobs.length }, rateLimit: null });
  });
});
