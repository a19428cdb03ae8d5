import { SendMessageBatchCommand, SendMessageCommand, SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { awsClientOptions, config } from '../config';
import { parseQueueMessage, queueUrlVariable, SQS_LIMITS, type QueueJobDefinition, type QueueMessageInput } from '../jobs';
import { QueueMessageInvalidError, QueueNotConfiguredError, QueueSendError } from './queue-errors';

/**
 * Puts work on a queue job's queue (`trigger: { queue }` in src/jobs.ts). The
 * function that calls this declares `queue:send:<job>`, which grants
 * SendMessage on that queue alone and sets its `QUEUE_URL_<JOB>`.
 */
export interface EnqueueOptions {
  /** Held back this long before the first delivery; SQS allows at most 900 s, longer is cut to that. */
  readonly delaySeconds?: number;
}

/** SendMessageBatch takes 10 entries and, like one message, at most 256 KiB in all. */
const BATCH_ENTRIES = 10;
const BATCH_BYTES = 256 * 1024;

let client: SQSClient | undefined;
function sqs(): SQSClient {
  client ??= new SQSClient(awsClientOptions(config().endpoints.sqs));
  return client;
}

function queueUrlOf(definition: QueueJobDefinition): string {
  const variable = queueUrlVariable(definition.name);
  const url = config().queueUrls[variable];
  if (!url) throw new QueueNotConfiguredError(definition.name, variable);
  return url;
}

function bodyOf(definition: QueueJobDefinition, message: unknown): string {
  const parsed = parseQueueMessage(definition, message);
  if (!parsed.ok) throw new QueueMessageInvalidError(definition.name, parsed.issues);
  return JSON.stringify(parsed.message);
}

/** Whole seconds within SQS's 0–900 (fauxqs would take 901 and more; SQS refuses them). */
export const sqsDelaySeconds = (options: EnqueueOptions): number | undefined =>
  options.delaySeconds === undefined ? undefined : Math.min(SQS_LIMITS.maxDelaySeconds, Math.max(0, Math.ceil(options.delaySeconds)));

/** Sends one message; answers its SQS message id. */
export async function enqueue<J extends QueueJobDefinition>(definition: J, message: QueueMessageInput<J>, options: EnqueueOptions = {}): Promise<string> {
  const command = new SendMessageCommand({ QueueUrl: queueUrlOf(definition), MessageBody: bodyOf(definition, message), DelaySeconds: sqsDelaySeconds(options) });
  try {
    const sent = await sqs().send(command);
    return sent.MessageId ?? '';
  } catch (error) {
    throw new QueueSendError(definition.name, 1, { cause: error });
  }
}

/** Entries grouped as SendMessageBatch takes them: by 10, and within the size limit. */
function batchesOf(entries: readonly SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const batches: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? '');
    if (current.length === BATCH_ENTRIES || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function sendBatch(queueUrl: string, entries: readonly SendMessageBatchRequestEntry[]): Promise<{ failed: SendMessageBatchRequestEntry[]; retryable: boolean }> {
  const answer = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [...entries] }));
  const failedIds = new Set((answer.Failed ?? []).map((failure) => failure.Id));
  return { failed: entries.filter((entry) => failedIds.has(entry.Id)), retryable: (answer.Failed ?? []).every((failure) => !failure.SenderFault) };
}

/**
 * Sends many messages with SendMessageBatch. SQS may refuse some entries of a
 * batch and take the rest; those refused for its own reasons (not
 * `SenderFault`) get one more try, and any still refused fail the whole call,
 * since a caller cannot tell which to send again. Jobs are idempotent, so
 * sending the lot again is safe.
 */
export async function enqueueMany<J extends QueueJobDefinition>(definition: J, messages: readonly QueueMessageInput<J>[], options: EnqueueOptions = {}): Promise<number> {
  const queueUrl = queueUrlOf(definition);
  const delay = sqsDelaySeconds(options);
  const entries = messages.map((message, index) => ({ Id: String(index), MessageBody: bodyOf(definition, message), DelaySeconds: delay }));
  let failed = 0;
  try {
    for (const batch of batchesOf(entries)) {
      const first = await sendBatch(queueUrl, batch);
      const left = first.failed.length > 0 && first.retryable ? (await sendBatch(queueUrl, first.failed)).failed : first.failed;
      failed += left.length;
    }
  } catch (error) {
    throw new QueueSendError(definition.name, entries.length, { cause: error });
  }
  if (failed > 0) throw new QueueSendError(definition.name, failed);
  return entries.length;
}
