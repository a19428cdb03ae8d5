import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { setLogLevel } from '../../../src/http/logger';
import { enqueue } from '../../../src/integrations/queue';
import { job } from '../../../src/jobs';
import { startQueueRunner } from '../../../src/local/queue-runner';
import { reportSyncProgress, type SyncProgress } from '../../../src/services/sync-progress';
import { fixtureDeliveries, fixtureQueueJob, resetFixture } from '../../fixtures/queue-worker';
import { eventually, REGION, useTestSqs } from '../../support/sqs';

/** What `npm start` runs for the queue jobs, with a table of the fixture job and a scheduled one. */
const testSqs = useTestSqs();

beforeEach(() => resetFixture());

describe('the local queue runner', () => {
  it('It should make the queue job’s queues, hand its messages to the job’s own worker module, count them, and stop at once', async () => {
    const runner = await startQueueRunner([fixtureQueueJob, job('sweep-expired-signups')], { endpoint: testSqs().sqs.endpoint, region: REGION });
    try {
      const { definition } = await testSqs().queue(fixtureQueueJob.name);
      await enqueue(definition, { id: 'through-the-module' });
      await eventually(() => fixtureDeliveries().deliveries.some((delivery) => delivery.id === 'through-the-module'));

      await eventually(async () => (await runner.counts())[0]?.inFlight === 0);
      expect(await runner.counts()).toEqual([{ job: 'fixture-queue', visible: 0, inFlight: 0, delayed: 0, deadLetters: 0 }]);
    } finally {
      const stopping = Date.now();
      await runner.stop();
      expect(Date.now() - stopping).toBeLessThan(2_000);
    }
  });
});

describe("the local queue runner's sync progress", () => {
  const synced: SyncProgress = { kind: 'repository', repo: 'techstartup/api', requests: 8, notModified: 0, slices: 24, deployments: 6, seconds: 0.26 };

  /** What the terminal got while a runner ran at `level` and one event was reported, and after it stopped. */
  async function printedAt(level: 'info' | 'warn'): Promise<unknown[][]> {
    provideAppEnvironment({ LOG_LEVEL: level });
    const lines = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const runner = await startQueueRunner([fixtureQueueJob], { endpoint: testSqs().sqs.endpoint, region: REGION });
    reportSyncProgress(synced);
    await runner.stop();
    setLogLevel('error');
    reportSyncProgress(synced);
    return lines.mock.calls;
  }

  afterEach(() => {
    vi.restoreAllMocks();
    provideAppEnvironment({ LOG_LEVEL: 'error' });
  });

  it('It should print one short line per repository synced while it runs, and none once stopped', async () => {
    expect(await printedAt('info')).toEqual([['sync techstartup/api: 8 requests (0 not modified), 24 slices, 6 deployments, 0.3 s']]);
  });

  it('It should print nothing when LOG_LEVEL asks for warnings only, as the tests do', async () => {
    expect(await printedAt('warn')).toEqual([]);
  });
});
