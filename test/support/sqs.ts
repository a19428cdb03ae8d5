import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { queueUrlVariable, type QueueJobDefinition } from '../../src/jobs';
import { ensureQueues, startSqsLocal, type LocalQueue, type SqsLocal } from '../../src/local/sqs-local';
import { fixtureQueueJob } from '../fixtures/queue-worker';
import { freePort } from './local-stack-process';

export { eventually } from './polling';

/** The SQS emulator as `npm start` runs it (its own process, loopback), for unit tests of the queue path, on a free port. */
export interface TestSqs {
  readonly sqs: SqsLocal;
  readonly port: number;
  readonly client: SQSClient;
  /** Makes the fixture job's queue under another name and settings, and points `enqueue` at it. */
  queue(name: string, settings?: Partial<QueueJobDefinition['trigger']['queue']>): Promise<{ definition: QueueJobDefinition; queue: LocalQueue }>;
  stop(): Promise<void>;
}

export const REGION = 'us-east-1';

export async function startTestSqs(): Promise<TestSqs> {
  const dir = await mkdtemp(join(tmpdir(), 'devinsights-sqs-'));
  const port = await freePort();
  const sqs = await startSqsLocal({ port, cwd: dir, logFile: join(dir, 'sqs.log'), region: REGION });
  // As npm start does: the SDK's notice that it will drop Node 20 would open every run's output.
  provideAppEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', USER_POOL_ID: 'local_pool', USER_POOL_CLIENT_ID: 'local_client', AWS_REGION: REGION, SQS_ENDPOINT: sqs.endpoint, LOG_LEVEL: 'error' });
  const client = new SQSClient({ endpoint: sqs.endpoint, region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    sqs,
    port,
    client,
    async queue(name, settings = {}) {
      const definition = { ...fixtureQueueJob, name, trigger: { queue: { ...fixtureQueueJob.trigger.queue, ...settings } } };
      const [queue] = await ensureQueues(client, [definition]);
      if (!queue) throw new Error(`No queue made for ${name}`);
      provideAppEnvironment({ [queueUrlVariable(name)]: queue.url });
      return { definition, queue };
    },
    async stop() {
      client.destroy();
      await sqs.child.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One emulator for the calling test file, started before its tests and stopped after them; the getter reads it inside a test. */
export function useTestSqs(): () => TestSqs {
  let sqs: TestSqs | undefined;
  beforeAll(async () => {
    sqs = await startTestSqs();
  }, 30_000);
  afterAll(async () => {
    await sqs?.stop();
  });
  return () => {
    if (!sqs) throw new Error('The SQS emulator is not running');
    return sqs;
  };
}
