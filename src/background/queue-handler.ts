import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import pMap from 'p-map';
import { config } from '../config';
import { parseQueueMessage, type ParsedQueueMessage, type QueueJobDefinition, type QueueMessage } from '../jobs';
import { logger, setLogLevel, type Logger } from '../http/logger';
import { currentRequestScope, runInRequestScope } from '../http/request-scope';

/** What a queue job's per-message function gets: the parsed message, and which delivery of it this is. */
export interface QueueMessageContext<Message> {
  readonly message: Message;
  /** SQS's ApproximateReceiveCount: 1 on the first delivery. */
  readonly receiveCount: number;
  readonly messageId: string;
  readonly log: Logger;
}

export type QueueWorkerHandler = (event: SQSEvent, context?: Partial<Context>) => Promise<SQSBatchResponse>;

/** How one batch went, as the batch's log line reports it. */
export interface BatchCounts {
  readonly received: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Bodies that are not the job's message: deleted, since no retry could make them parse. */
  readonly dropped: number;
}

function parseBody<J extends QueueJobDefinition>(definition: J, body: string): ParsedQueueMessage<J> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, issues: ['body is not JSON'] };
  }
  return parseQueueMessage(definition, json);
}

/**
 * Wraps a queue job's per-message work as `jobHandler()` wraps a scheduled
 * job's: each record's body is parsed with the job's schema, the messages run
 * `messageConcurrency` at a time, and only the ones that threw are reported
 * back (`batchItemFailures`), so SQS redelivers those alone and, after
 * `maxReceiveCount`, moves them to the dead-letter queue. A body that does
 * not parse is logged and dropped: a retry would fail the same way. Bodies
 * are never logged (they may carry names); one line per batch has the counts.
 */
export function queueHandler<J extends QueueJobDefinition>(
  definition: J,
  handle: (input: QueueMessageContext<QueueMessage<J>>) => Promise<void>,
): QueueWorkerHandler {
  return (event, context) =>
    runInRequestScope(async () => {
      const started = performance.now();
      setLogLevel(config().logLevel);
      const log = logger.child({ job: definition.name, invocationId: context?.awsRequestId });
      const failures: string[] = [];
      let dropped = 0;
      await pMap(
        event.Records,
        async (record: SQSRecord) => {
          const receiveCount = Number(record.attributes.ApproximateReceiveCount);
          const parsed = parseBody(definition, record.body);
          if (!parsed.ok) {
            dropped += 1;
            log.warn('queue message dropped: not the job message', { messageId: record.messageId, receiveCount, issues: parsed.issues });
            return;
          }
          try {
            await handle({ message: parsed.message, receiveCount, messageId: record.messageId, log: log.child({ messageId: record.messageId }) });
          } catch (error) {
            failures.push(record.messageId);
            const final = receiveCount >= definition.trigger.queue.maxReceiveCount;
            log.error(final ? 'queue message failed for the last time: to the dead-letter queue' : 'queue message failed: it will be retried', {
              messageId: record.messageId,
              receiveCount,
              error,
            });
          }
        },
        { concurrency: definition.trigger.queue.messageConcurrency ?? 1 },
      );
      const counts: BatchCounts = { received: event.Records.length, succeeded: event.Records.length - failures.length - dropped, failed: failures.length, dropped };
      log.info('queue batch', { ...counts, durationMs: Math.round(performance.now() - started), dynamodbCalls: currentRequestScope()?.dynamodbOperations.length ?? 0 });
      return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
    });
}
