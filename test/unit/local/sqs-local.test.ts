import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { LocalStackError } from '../../../src/local/errors';
import { ensureQueues, startSqsLocal } from '../../../src/local/sqs-local';
import { fixtureQueueJob } from '../../fixtures/queue-worker';
import { freePort } from '../../support/local-stack-process';
import { useTestSqs } from '../../support/sqs';

describe('starting the SQS emulator', () => {
  it('It should fail with the emulator’s own words when its port is taken, instead of waiting out its timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'devinsights-sqs-taken-'));
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const failure = await startSqsLocal({ port, cwd: dir, logFile: join(dir, 'sqs.log'), region: 'us-east-1' }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(LocalStackError);
      expect((failure as LocalStackError).message).toMatch(/^SQS emulator stopped while starting/);
      expect((failure as LocalStackError).details).toContain('EADDRINUSE');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      squatter.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the queue jobs’ queues in the emulator', () => {
  const testSqs = useTestSqs();

  it('It should make each queue job’s queue with its visibility timeout and a redrive policy to its dead-letter queue, and find them again on a second start', async () => {
    const [first] = await ensureQueues(testSqs().client, [fixtureQueueJob]);
    const [again] = await ensureQueues(testSqs().client, [fixtureQueueJob]);
    const { Attributes } = await testSqs().client.send(new GetQueueAttributesCommand({ QueueUrl: first?.url, AttributeNames: ['All'] }));

    expect(again).toEqual(first);
    expect(first?.deadLettersUrl).toMatch(/\/fixture-queue-dead-letters$/);
    expect(Attributes?.['VisibilityTimeout']).toBe('60');
    expect(JSON.parse(Attributes?.['RedrivePolicy'] ?? '{}')).toEqual({ deadLetterTargetArn: expect.stringMatching(/:fixture-queue-dead-letters$/), maxReceiveCount: 3 });
  });
});
