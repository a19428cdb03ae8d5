import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { enqueue, enqueueMany, sqsDelaySeconds } from '../../../src/integrations/queue';
import { QueueMessageInvalidError, QueueNotConfiguredError } from '../../../src/integrations/queue-errors';
import { queueCounts } from '../../../src/local/sqs-local';
import { fixtureQueueJob } from '../../fixtures/queue-worker';
import { useTestSqs } from '../../support/sqs';

/** The producers of src/integrations/queue.ts, against the SQS emulator the local stack runs. */
const testSqs = useTestSqs();

describe('enqueue', () => {
  it('It should send the message as the job’s schema writes it (defaults filled in)', async () => {
    const { definition, queue } = await testSqs().queue('produced');

    await enqueue(definition, { id: 'p1' });
    const { Messages = [] } = await testSqs().client.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 1 }));

    expect(Messages.map((message) => JSON.parse(message.Body ?? ''))).toEqual([{ id: 'p1', fail: false, holdMs: 0 }]);
  });

  it('It should refuse a body that is not the job’s message, sending nothing', async () => {
    const { definition, queue } = await testSqs().queue('refused');

    await expect(enqueue(definition, { id: '' })).rejects.toThrow(QueueMessageInvalidError);
    expect((await queueCounts(testSqs().client, [queue]))[0]?.visible).toBe(0);
  });

  it('It should say which variable and capability are missing when the function has no QUEUE_URL for the job', async () => {
    const unknown = { ...fixtureQueueJob, name: 'never-made' };

    await expect(enqueue(unknown, { id: 'x' })).rejects.toThrow(new QueueNotConfiguredError('never-made', 'QUEUE_URL_NEVER_MADE'));
  });

  it.each([
    [3_600, 900],
    [900, 900],
    [2.4, 3],
    [-5, 0],
    [undefined, undefined],
  ])('It should send a delay of %s s as DelaySeconds %s: whole seconds within the 0–900 SQS accepts', (delaySeconds, sent) => {
    expect(sqsDelaySeconds(delaySeconds === undefined ? {} : { delaySeconds })).toBe(sent);
  });

  it('It should send a message with a delay past SQS’s limit, held back rather than refused', async () => {
    const { definition, queue } = await testSqs().queue('capped');

    await enqueue(definition, { id: 'later' }, { delaySeconds: 3_600 });

    expect((await queueCounts(testSqs().client, [queue]))[0]).toMatchObject({ visible: 0, delayed: 1 });
  });
});

describe('enqueueMany', () => {
  it('It should send more messages than one SendMessageBatch takes, all of them', async () => {
    const { definition, queue } = await testSqs().queue('many');
    const messages = Array.from({ length: 23 }, (_, index) => ({ id: `m${index}` }));

    expect(await enqueueMany(definition, messages)).toBe(23);
    expect((await queueCounts(testSqs().client, [queue]))[0]?.visible).toBe(23);
  });

  it('It should send nothing when one message of the lot is not the job’s message', async () => {
    const { definition, queue } = await testSqs().queue('many-refused');

    await expect(enqueueMany(definition, [{ id: 'ok' }, { id: '' }])).rejects.toThrow(QueueMessageInvalidError);
    expect((await queueCounts(testSqs().client, [queue]))[0]?.visible).toBe(0);
  });
});
