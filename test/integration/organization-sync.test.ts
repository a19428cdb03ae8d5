import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GithubEmulator } from '../../src/local/github-emulator';
import { activitySlicesOf } from '../../src/repositories/activity-slices';
import { syncStatusOf } from '../../src/repositories/sync-status';
import { windowStartOf } from '../../src/domain/analysis/window';
import { requestSync, runSyncMessage } from '../../src/services/organization-sync';
import { startEmulatedInstallation } from '../support/emulated-installation';
import { sharedStackEnvironment } from '../support/private-api';
import { connectedOrganization, drain, ListQueue } from '../support/sync-queue';

/**
 * The sync's steps driven by hand, the queue being a list the test drains
 * (test/support/sync-queue.ts): against an emulator of this file's own and the shared stack's
 * DynamoDB Local.
 */
let emulator: GithubEmulator;
let installationId: number;
const tenant = () => connectedOrganization(installationId, 'org_orgsync');

const spendBudget = (remaining: number) =>
  fetch(`${emulator.url}/_emulator/installations/${installationId}/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ remaining }) });

beforeAll(async () => {
  ({ emulator, installationId } = await startEmulatedInstallation({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' }));
});

afterAll(async () => {
  await emulator?.close();
});

describe('the organization sync, step by step', () => {
  it('It should list, queue one job per active repository, and finish when the last one is done', async () => {
    const org = await tenant();
    const queue = new ListQueue();

    const asked = await requestSync(org, installationId, queue);
    expect(asked.sync).toMatchObject({ status: 'running', repositories: { done: 0, total: 0 } });
    await drain(queue);

    const done = await syncStatusOf(org);
    expect(done).toMatchObject({ status: 'idle', finishedAt: expect.any(String), firstFinishedAt: expect.any(String) });
    expect(done?.repositories.done).toBe(done?.repositories.total);
    expect(done?.repositories.total).toBeGreaterThan(1);
    expect((await activitySlicesOf(org, 'bob-senior', windowStartOf(new Date()).slice(0, 7))).length).toBeGreaterThan(0);
  });

  it('It should not start a second sync while one runs, and answer the running one', async () => {
    const org = await tenant();
    const queue = new ListQueue();
    const first = await requestSync(org, installationId, queue);

    const second = await requestSync(org, installationId, queue);

    expect(second).toMatchObject({ started: false, sync: { syncId: first.sync.syncId } });
    expect(queue.sent).toHaveLength(1);
  });

  it('It should count a repository job delivered twice once, and store nothing twice', async () => {
    const org = await tenant();
    const queue = new ListQueue();
    await requestSync(org, installationId, queue);
    await runSyncMessage(queue.take()[0]!, queue);
    const [first] = queue.take();
    await runSyncMessage(first!, queue);
    const before = await activitySlicesOf(org, 'bob-senior', windowStartOf(new Date()).slice(0, 7));

    await runSyncMessage(first!, queue);

    expect(await activitySlicesOf(org, 'bob-senior', windowStartOf(new Date()).slice(0, 7))).toEqual(before);
    expect((await syncStatusOf(org))?.repositories.done).toBe(1);
  });

  it("It should wait out a spent budget without asking GitHub again, then finish with nothing lost", async () => {
    const org = await tenant();
    const queue = new ListQueue();
    await requestSync(org, installationId, queue);
    await runSyncMessage(queue.take()[0]!, queue);
    const jobs = queue.take();
    await spendBudget(0);

    await runSyncMessage(jobs[0]!, queue);
    const [back] = queue.sent.splice(0);
    const waiting = await syncStatusOf(org);
    const before = (await emulator.stats.snapshot()).total;
    await runSyncMessage(back!.message, queue);
    const askedMeanwhile = (await emulator.stats.snapshot()).total - before;
    const [again] = queue.take();
    await spendBudget(100_000);
    const afterReset = new Date(Date.parse((again as { notBefore: string }).notBefore) + 1000);
    for (const job of [again!, ...jobs.slice(1)]) await runSyncMessage(job, queue, afterReset);

    expect(back).toMatchObject({ message: { repo: jobs[0]!.kind === 'repository' ? jobs[0]!.repo : '', notBefore: expect.any(String) }, delaySeconds: expect.any(Number) });
    expect(back!.delaySeconds).toBeGreaterThan(0);
    expect(waiting).toMatchObject({ status: 'waiting_for_rate_limit', rateLimit: { remaining: 0 } });
    expect(askedMeanwhile).toBe(0);
    expect(await syncStatusOf(org)).toMatchObject({ status: 'idle', repositories: { done: jobs.length, total: jobs.length }, rateLimit: null });
  });
});
