import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { QueueJobDefinition } from '../jobs';
import { logger } from '../http/logger';
import { isStopping } from './process-group';
import type { LocalQueue } from './sqs-local';
import { toSqsEvent } from './sqs-event';

/**
 * The local stand-in for Lambda's SQS event source mapping: up to
 * `maxConcurrency` pollers long-poll the job's queue in the emulator, hand
 * each batch to the job's own worker handler as the SQSEvent Lambda would,
 * and delete what succeeded. A failed message is left alone, so it comes back
 * after the visibility timeout and, after `maxReceiveCount`, the emulator's
 * redrive policy moves it to the dead-letter queue, as SQS does.
 */
export type WorkerHandler = (event: SQSEvent, context: Partial<Context>) => Promise<SQSBatchResponse | void>;

export interface QueueConsumerOptions {
  readonly definition: QueueJobDefinition;
  readonly queue: LocalQueue;
  readonly client: SQSClient;
  readonly region: string;
  readonly handler: WorkerHandler;
  /** SQS's longest, 20 s, unless a test wants a shorter poll. */
  readonly waitTimeSeconds?: number;
}

export interface QueueConsumer {
  /** Stops polling at once; a batch being handled finishes and has its successes deleted, the rest stays on the queue. */
  stop(): Promise<void>;
}

const RECEIVE_RETRY_MS = 1_000;

/**
 * The messages to delete. As on Lambda, a missing or empty response is all
 * success, and a response naming a message that was not in the batch makes
 * the whole batch a failure.
 */
export function succeededMessages(event: SQSEvent, response: SQSBatchResponse | void): SQSEvent['Records'] {
  const failures = response?.batchItemFailures ?? [];
  const ids = new Set(event.Records.map((record) => record.messageId));
  if (failures.some((failure) => !ids.has(failure.itemIdentifier))) return [];
  const failed = new Set(failures.map((failure) => failure.itemIdentifier));
  return event.Records.filter((record) => !failed.has(record.messageId));
}

export function startQueueConsumer(options: QueueConsumerOptions): QueueConsumer {
  const { definition, queue, client, region, handler } = options;
  const { batchSize, maxConcurrency } = definition.trigger.queue;
  const log = logger.child({ job: definition.name });
  const stopping = new AbortController();

  async function deleteSucceeded(event: SQSEvent, response: SQSBatchResponse | void): Promise<void> {
    const done = succeededMessages(event, response);
    if (done.length === 0) return;
    const entries = done.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle }));
    const { Failed = [] } = await client.send(new DeleteMessageBatchCommand({ QueueUrl: queue.url, Entries: entries }));
    if (Failed.length > 0) log.warn('Local queue consumer could not delete some handled messages; they will be delivered again', { failed: Failed.length });
  }

  async function invoke(messages: readonly Message[]): Promise<void> {
    const event = toSqsEvent(messages, { arn: queue.arn, region });
    let response: SQSBatchResponse | void;
    try {
      response = await handler(event, { awsRequestId: randomUUID(), functionName: definition.name });
    } catch (error) {
      // As on Lambda: the whole batch becomes visible again after the visibility timeout.
      log.error('Local queue worker failed the whole batch', { messages: messages.length, error });
      return;
    }
    await deleteSucceeded(event, response).catch((error: unknown) => log.error('Local queue consumer could not delete handled messages', { error }));
  }

  async function poll(): Promise<void> {
    while (!stopping.signal.aborted) {
      let messages: Message[];
      try {
        const received = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.url,
            MaxNumberOfMessages: batchSize,
            WaitTimeSeconds: options.waitTimeSeconds ?? 20,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: stopping.signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        // On Ctrl-C the emulator may go before this process does: no news worth a line.
        if (stopping.signal.aborted || isStopping()) return;
        log.warn('Local queue consumer could not receive; trying again', { error });
        await delay(RECEIVE_RETRY_MS, undefined, { signal: stopping.signal }).catch(() => undefined);
        continue;
      }
      if (messages.length > 0) await invoke(messages);
    }
  }

  const pollers = Array.from({ length: maxConcurrency }, () => poll());
  return {
    async stop() {
      stopping.abort();
      await Promise.all(pollers);
    },
  };
}
