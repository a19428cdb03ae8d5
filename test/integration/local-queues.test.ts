import { describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { jobs, isQueueJob, type JobDefinition } from '../../src/jobs';
import { sharedStackEnvironment } from '../support/private-api';
import { api, stack } from '../support/stack';

/** The queue side of the shared test stack: the SQS emulator and the test hook that counts each queue job's messages. */
const queueJobNames = (jobs as readonly JobDefinition[]).filter(isQueueJob).map((entry) => entry.name);

describe('the local stack’s queues', () => {
  it('It should run the SQS emulator where the manifest says', async () => {
    const response = await fetch(`${stack().sqsEndpoint}/health`);

    expect(response.status).toBe(200);
  });

  it('It should count every queue job’s messages at GET /_local/queues: visible, in flight, delayed, dead-lettered', async () => {
    const response = await api<{ queues: { job: string }[] }>('/_local/queues');

    expect(response.status).toBe(200);
    expect(response.body.queues.map((queue) => queue.job).sort()).toEqual([...queueJobNames].sort());
  });

  it('It should answer the queue hook only on a stack started for tests, never on a plain one', async () => {
    provideAppEnvironment({ ...sharedStackEnvironment(), LOG_LEVEL: 'error' });
    const { startApiServer } = await import('../../src/local/http-server');
    const plain = await startApiServer({ port: 0 });
    try {
      expect((await api('/_local/queues', { baseUrl: plain.url })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
