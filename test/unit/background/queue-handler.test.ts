import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureDeliveries, fixtureQueueJob, handler, resetFixture } from '../../fixtures/queue-worker';

/** A record as Lambda delivers it (the shape of the Lambda documentation's sample SQS event). */
function record(messageId: string, body: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body,
    attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: '1545082649183', SenderId: 'AIDAIENQZJOLO23YVJ4VO', ApproximateFirstReceiveTimestamp: '1545082649185' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:fixture-queue',
    awsRegion: 'us-east-1',
  };
}

const event = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
const message = (fields: Record<string, unknown>) => JSON.stringify(fields);

beforeEach(() => {
  vi.stubEnv('USER_POOL_ID', 'local_pool');
  vi.stubEnv('USER_POOL_CLIENT_ID', 'local_client');
  vi.stubEnv('LOG_LEVEL', 'error');
  resetFixture();
});

describe('queueHandler', () => {
  it('It should report only the messages that failed, by message id', async () => {
    const response = await handler(event(record('m1', message({ id: 'a' })), record('m2', message({ id: 'b', fail: true })), record('m3', message({ id: 'c' }))));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(fixtureDeliveries().deliveries.map((delivery) => delivery.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('It should hand the worker the parsed message (defaults applied) and its receive count', async () => {
    await handler(event(record('m1', message({ id: 'a' }), 3)));

    expect(fixtureDeliveries().deliveries).toEqual([expect.objectContaining({ id: 'a', receiveCount: 3 })]);
  });

  it.each([
    ['not JSON', '{"id": '],
    ['JSON, not the job message', message({ id: 42 })],
    ['an empty body', ''],
  ])('It should drop a body that is %s: logged, not reported failed, so it is deleted rather than retried', async (_, body) => {
    const response = await handler(event(record('bad', body), record('good', message({ id: 'ok' }))));

    expect(response.batchItemFailures).toEqual([]);
    expect(fixtureDeliveries().deliveries.map((delivery) => delivery.id)).toEqual(['ok']);
  });

  it('It should run no more messages of a batch at once than messageConcurrency', async () => {
    const records = Array.from({ length: 5 }, (_, index) => record(`m${index}`, message({ id: `x${index}`, holdMs: 30 })));

    await handler(event(...records));

    expect(fixtureDeliveries().deliveries).toHaveLength(5);
    expect(fixtureDeliveries().peakRunning).toBe(fixtureQueueJob.trigger.queue.messageConcurrency);
  });

  it('It should answer an empty batch with no failures', async () => {
    expect(await handler(event())).toEqual({ batchItemFailures: [] });
  });
});
