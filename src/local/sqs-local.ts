import { fileURLToPath } from 'node:url';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { isQueueJob, type JobDefinition } from '../jobs';
import { spawnInGroup, type ManagedChild } from './process-group';
import { answersOk, waitUntilReady } from './readiness';

const READY_TIMEOUT_MS = 30_000;
const LAUNCHER = fileURLToPath(new URL('./fauxqs-loopback.mjs', import.meta.url));

export interface SqsLocal {
  readonly child: ManagedChild;
  readonly endpoint: string;
}

/** fauxqs, in its own process (and group) on loopback: see `fauxqs-loopback.mjs`. Its queues live in memory. */
export async function startSqsLocal(options: { port: number; cwd: string; logFile: string; region: string }): Promise<SqsLocal> {
  const child = spawnInGroup('SQS emulator', process.execPath, [LAUNCHER, String(options.port), options.region], { cwd: options.cwd, logFile: options.logFile });
  const endpoint = `http://localhost:${options.port}`;
  await waitUntilReady(child, `GET /health on port ${options.port}`, () => answersOk(`${endpoint}/health`), READY_TIMEOUT_MS);
  return { child, endpoint };
}

/** A queue job's queue in the emulator, with what the local consumer and `GET /_local/queues` need. */
export interface LocalQueue {
  readonly jobName: string;
  readonly url: string;
  readonly arn: string;
  readonly deadLettersUrl: string;
}

async function arnOf(client: SQSClient, url: string): Promise<string> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (!arn) throw new Error(`The SQS emulator gave no ARN for ${url}`);
  return arn;
}

/**
 * Creates each queue job's queue and dead-letter queue as the CDK app does:
 * `<job>` and `<job>-dead-letters`, the job's visibility timeout, a redrive
 * policy after `maxReceiveCount` receives. CreateQueue with the same
 * attributes is idempotent, as on SQS.
 */
export async function ensureQueues(client: SQSClient, table: readonly JobDefinition[]): Promise<LocalQueue[]> {
  return Promise.all(
    table.filter(isQueueJob).map(async (job) => {
      const { visibilityTimeoutSeconds, maxReceiveCount } = job.trigger.queue;
      const deadLetters = await client.send(new CreateQueueCommand({ QueueName: `${job.name}-dead-letters`, Attributes: { MessageRetentionPeriod: String(14 * 86_400) } }));
      const deadLettersUrl = deadLetters.QueueUrl ?? '';
      const redrive = JSON.stringify({ deadLetterTargetArn: await arnOf(client, deadLettersUrl), maxReceiveCount });
      const queue = await client.send(
        new CreateQueueCommand({ QueueName: job.name, Attributes: { VisibilityTimeout: String(visibilityTimeoutSeconds), RedrivePolicy: redrive } }),
      );
      const url = queue.QueueUrl ?? '';
      return { jobName: job.name, url, arn: await arnOf(client, url), deadLettersUrl };
    }),
  );
}

/** What `GET /_local/queues` shows of one queue job (LOCAL_JOB_CONTROLS, tests only). */
export interface QueueCounts {
  readonly job: string;
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
  readonly deadLetters: number;
}

const COUNT_ATTRIBUTES = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] as const;

async function countsOf(client: SQSClient, url: string): Promise<[number, number, number]> {
  const { Attributes = {} } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...COUNT_ATTRIBUTES] }));
  const [visible = 0, inFlight = 0, delayed = 0] = COUNT_ATTRIBUTES.map((name) => Number(Attributes[name] ?? 0));
  return [visible, inFlight, delayed];
}

export async function queueCounts(client: SQSClient, queues: readonly LocalQueue[]): Promise<QueueCounts[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const [[visible, inFlight, delayed], [deadVisible, deadInFlight, deadDelayed]] = await Promise.all([countsOf(client, queue.url), countsOf(client, queue.deadLettersUrl)]);
      return { job: queue.jobName, visible, inFlight, delayed, deadLetters: deadVisible + deadInFlight + deadDelayed };
    }),
  );
}
