import { beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../../src/integrations/queue';
import { job } from '../../../src/jobs';
import { startQueueRunner } from '../../../src/local/queue-runner';
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
