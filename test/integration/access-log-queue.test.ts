import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsClientOptions, provideAppEnvironment } from '../../src/config';
import { enqueue } from '../../src/integrations/queue';
import { job, queueUrlVariable } from '../../src/jobs';
import { toSqsEvent } from '../../src/local/sqs-event';
import { recordAnalysisRead } from '../../src/services/access-log';
import { handler } from '../../src/workers/access-log';
import { sharedStackEnvironment } from '../support/private-api';
import { eventually } from '../support/sqs';
import { api, stack } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';
import { itemsIn } from '../support/table';

/**
 * The access log's entries travel by the `access-log` queue: the read sends
 * them, the shared stack's worker writes them. What a person would notice:
 * an entry arrives once however often it is delivered, never lands in the
 * log of someone no longer there, and is not lost when the queue is down.
 */
let team: StoryTeam;
let sharedQueueUrl: string;

beforeAll(async () => {
  team = await storyTeam();
  provideAppEnvironment({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' });
  const client = new SQSClient(awsClientOptions(stack().sqsEndpoint));
  sharedQueueUrl = (await client.send(new GetQueueUrlCommand({ QueueName: 'access-log' }))).QueueUrl ?? '';
  client.destroy();
  provideAppEnvironment({ [queueUrlVariable('access-log')]: sharedQueueUrl });
});

const whatsIn = async (token: string) => {
  const log = await api('/me/access-log?limit=100', { token });
  return (log.body.items as { what: string }[]).map((item) => item.what);
};
const accessItemsOf = async (login: string) =>
  (await itemsIn(`ORG#${team.sarah.organizationId}`)).filter((item) => String(item['SK']).startsWith(`ACCESS#${login}#`));

describe('the access-log queue', () => {
  it('writes an entry delivered twice once, and none for a login that is no member here', async () => {
    const what = `analysis: test ${randomBytes(4).toString('hex')}`;
    const message = {
      orgId: team.sarah.organizationId,
      at: new Date().toISOString(),
      entries: [
        { id: `acc_${randomBytes(8).toString('hex')}`, login: 'bob-senior', viewer: { name: 'Sarah Manager', role: 'admin' as const }, what },
        { id: `acc_${randomBytes(8).toString('hex')}`, login: 'gone-person', viewer: { name: 'Sarah Manager', role: 'admin' as const }, what },
      ],
    };
    await enqueue(job('access-log'), message);
    await eventually(async () => (await whatsIn(team.bob.accessToken)).includes(what));
    // SQS delivers at least once: the same message again, as a redelivery reaches the worker.
    const redelivered = toSqsEvent([{ MessageId: 'redelivered', Body: JSON.stringify(message), Attributes: { ApproximateReceiveCount: '2' } }], { arn: 'arn:aws:sqs:local:000000000000:access-log', region: stack().region });
    expect(await handler(redelivered)).toEqual({ batchItemFailures: [] });
    expect((await whatsIn(team.bob.accessToken)).filter((entry) => entry === what)).toHaveLength(1);
    expect(await accessItemsOf('gone-person')).toEqual([]);
  });

  it('still logs a read when the queue cannot be reached: the read writes the entry itself', async () => {
    provideAppEnvironment({ [queueUrlVariable('access-log')]: `${stack().sqsEndpoint}/000000000000/no-such-queue` });
    try {
      const figures = new Set(['codeQuality'] as const);
      const before = (await accessItemsOf('alice-dev')).length;
      await recordAnalysisRead({ orgId: team.sarah.organizationId, userId: team.sarah.userId, role: 'admin' }, { login: 'alice-dev', viewer: { name: 'Sarah Manager', role: 'admin' }, figures }, new Date());
      // No waiting: it is there when the read answers.
      expect(await accessItemsOf('alice-dev')).toHaveLength(before + 1);
      expect((await whatsIn(team.alice.accessToken))[0]).toBe('analysis: codeQuality');
    } finally {
      provideAppEnvironment({ [queueUrlVariable('access-log')]: sharedQueueUrl });
    }
  });
});
