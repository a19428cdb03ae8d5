import { setTimeout as delay } from 'node:timers/promises';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../../src/integrations/queue';
import { isPortFree } from '../../../src/local/ports';
import { startQueueConsumer, succeededMessages, type QueueConsumer, type WorkerHandler } from '../../../src/local/queue-consumer';
import { queueCounts } from '../../../src/local/sqs-local';
import { fixtureDeliveries, handler as fixtureHandler, resetFixture } from '../../fixtures/queue-worker';
import { listeningAddresses, LOOPBACK_ADDRESSES } from '../../support/listening-sockets';
import { eventually, REGION, startTestSqs, type TestSqs } from '../../support/sqs';

/** The local stand-in for Lambda's SQS event source mapping, against the real emulator, with the fixture job's worker. */
let sqs: TestSqs;
let consumers: QueueConsumer[] = [];
let events: SQSEvent[] = [];
let running = 0;
let peakInvocations = 0;

/** The fixture's own handler, watched: every event it is handed, and how many invocations ran at once. */
const watchedHandler: WorkerHandler = async (event, context) => {
  events.push(event);
  running += 1;
  peakInvocations = Math.max(peakInvocations, running);
  try {
    return await fixtureHandler(event, context);
  } finally {
    running -= 1;
  }
};

async function consume(name: string, settings: Parameters<TestSqs['queue']>[1] = {}) {
  const made = await sqs.queue(name, settings);
  const start = () => {
    const consumer = startQueueConsumer({ ...made, client: sqs.client, region: REGION, handler: watchedHandler, waitTimeSeconds: 1 });
    consumers.push(consumer);
    return consumer;
  };
  return { ...made, start, counts: async () => (await queueCounts(sqs.client, [made.queue]))[0] };
}

const deliveriesOf = (id: string) => fixtureDeliveries().deliveries.filter((delivery) => delivery.id === id);

beforeAll(async () => {
  sqs = await startTestSqs();
}, 30_000);

afterAll(async () => {
  await sqs?.stop();
  expect(await isPortFree(sqs.port)).toBe(true);
});

beforeEach(() => {
  resetFixture();
  events = [];
  peakInvocations = 0;
});

afterEach(async () => {
  await Promise.all(consumers.map((consumer) => consumer.stop()));
  consumers = [];
});

describe('the SQS emulator of the local stack', () => {
  it('It should listen on loopback only', async () => {
    const addresses = await listeningAddresses(sqs.port);

    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(LOOPBACK_ADDRESSES).toContain(address);
  });
});

describe('the local queue consumer', () => {
  it('It should hand a message sent with enqueue to the worker once, and delete it', async () => {
    const { definition, start, counts } = await consume('once', { visibilityTimeoutSeconds: 1 });
    start();

    await enqueue(definition, { id: 'once' });
    await eventually(async () => deliveriesOf('once').length === 1 && (await counts())?.inFlight === 0);
    await delay(1_300);

    expect(deliveriesOf('once')).toHaveLength(1);
    expect(await counts()).toEqual({ job: 'once', visible: 0, inFlight: 0, delayed: 0, deadLetters: 0 });
  });

  it('It should build the SQSEvent as Lambda does', async () => {
    const { queue, start } = await consume('event-shape');
    start();

    await sqs.client.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: JSON.stringify({ id: 'shaped' }),
        MessageAttributes: { origin: { DataType: 'String', StringValue: 'test' }, blob: { DataType: 'Binary', BinaryValue: Buffer.from('hi') } },
      }),
    );
    await eventually(() => events.length === 1);

    const [record] = events[0]?.Records ?? [];
    expect(record).toEqual({
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      body: '{"id":"shaped"}',
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: expect.stringMatching(/^\d+$/), SenderId: expect.any(String), ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/) },
      messageAttributes: {
        origin: { stringValue: 'test', stringListValues: [], binaryListValues: [], dataType: 'String' },
        blob: { binaryValue: 'aGk=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: REGION,
    });
  });

  it('It should have a failing message delivered again after the visibility timeout, then moved to the dead-letter queue after maxReceiveCount', async () => {
    const { definition, start, counts } = await consume('retried', { visibilityTimeoutSeconds: 1, maxReceiveCount: 2 });
    start();

    await enqueue(definition, { id: 'bad', fail: true });
    await eventually(async () => (await counts())?.deadLetters === 1, 15_000);

    const [first, second, ...more] = deliveriesOf('bad');
    expect(more).toEqual([]);
    expect([first?.receiveCount, second?.receiveCount]).toEqual([1, 2]);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(await counts()).toMatchObject({ visible: 0, inFlight: 0 });
  });

  it('It should hold a message sent with delaySeconds back until the delay is over', async () => {
    const { definition, start, counts } = await consume('delayed');
    start();

    const sent = Date.now();
    await enqueue(definition, { id: 'late' }, { delaySeconds: 2 });
    expect((await counts())?.delayed).toBe(1);
    await eventually(() => deliveriesOf('late').length === 1);

    expect((deliveriesOf('late')[0]?.at ?? 0) - sent).toBeGreaterThanOrEqual(1_900);
  });

  it('It should run no more invocations at once than maxConcurrency', async () => {
    const { definition, start } = await consume('bounded', { batchSize: 1, maxConcurrency: 2, messageConcurrency: 1 });
    for (const index of [1, 2, 3, 4, 5, 6]) await enqueue(definition, { id: `b${index}`, holdMs: 300 });
    start();

    await eventually(() => fixtureDeliveries().deliveries.length === 6);

    expect(peakInvocations).toBe(2);
  });

  it('It should lose nothing when stopped mid-way: what it had not handled is handled by the next consumer', async () => {
    const { definition, start } = await consume('stopped', { batchSize: 1, maxConcurrency: 2, messageConcurrency: 1, visibilityTimeoutSeconds: 1 });
    const ids = ['s1', 's2', 's3', 's4', 's5', 's6'];
    for (const id of ids) await enqueue(definition, { id, holdMs: 200 });
    const first = start();
    await eventually(() => fixtureDeliveries().deliveries.length >= 1);

    const stopping = Date.now();
    await first.stop();
    const stopMs = Date.now() - stopping;
    const handledBefore = fixtureDeliveries().deliveries.length;
    start();
    await eventually(() => ids.every((id) => deliveriesOf(id).length > 0), 15_000);

    expect(stopMs).toBeLessThan(2_000);
    expect(handledBefore).toBeLessThan(ids.length);
  });
});

describe('what the local consumer deletes after an invocation', () => {
  const event: SQSEvent = {
    Records: ['a', 'b'].map((messageId) => ({ messageId, receiptHandle: messageId, body: '{}', attributes: {} as never, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: REGION })),
  };

  it.each([
    ['no answer at all', undefined, ['a', 'b']],
    ['no failures', { batchItemFailures: [] }, ['a', 'b']],
    ['one failure', { batchItemFailures: [{ itemIdentifier: 'b' }] }, ['a']],
    ['a failure naming a message not in the batch', { batchItemFailures: [{ itemIdentifier: 'zzz' }] }, []],
  ])('It should delete, for %s, what Lambda would', (_, response, deleted) => {
    expect(succeededMessages(event, response).map((record) => record.messageId)).toEqual(deleted);
  });
});
