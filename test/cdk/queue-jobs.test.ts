import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { DevInsightsStack } from '../../lib/devinsights-stack';
import { job, type JobDefinition } from '../../src/jobs';
import { routes, type RouteDefinition } from '../../src/routes';
import { fixtureQueueJob } from '../fixtures/queue-worker';
import { actionsOfStatement, logicalIdOf, PROPS, statementsOf, testApp, type Resources } from './template-helpers';

/**
 * A stack with the fixture queue job, one route and one scheduled job that
 * enqueue to it, and everything else of the route table that does not.
 */
const sweep = job('sweep-expired-signups');
const producerJob: JobDefinition = { ...sweep, uses: [...sweep.uses, 'queue:send:fixture-queue'] };
const [health, ...otherRoutes] = routes as readonly RouteDefinition[];
const producerRoute: RouteDefinition = { ...(health as RouteDefinition), uses: ['queue:send:fixture-queue'] };

const notProducers = otherRoutes.filter((route) => !route.uses.some((use) => use.startsWith('queue:')));

function build(jobTable: readonly JobDefinition[], routeTable: readonly RouteDefinition[] = [producerRoute, ...notProducers.slice(0, 3)]) {
  const app = testApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new DevInsightsStack(app, 'Queues', { ...PROPS, jobs: jobTable, routes: routeTable });
  return { stack, template: Template.fromStack(stack) };
}

let stack: DevInsightsStack;
let template: Template;
let queueArn: unknown;
let queueUrl: unknown;

beforeAll(() => {
  ({ stack, template } = build([fixtureQueueJob, producerJob]));
  const { queue } = stack.queues.queueFor(fixtureQueueJob.name);
  queueArn = { 'Fn::GetAtt': [logicalIdOf(stack, queue), 'Arn'] };
  queueUrl = { Ref: logicalIdOf(stack, queue) };
}, 60_000);

const sqsStatementsOf = (fn: RouteFunction) => statementsOf(template, stack, fn).filter((statement) => actionsOfStatement(statement).some((action) => action.startsWith('sqs:')));
const environmentOf = (fn: RouteFunction): Record<string, unknown> =>
  (template.findResources('AWS::Lambda::Function') as Resources)[logicalIdOf(stack, fn)]?.Properties['Environment']?.['Variables'] ?? {};

describe('a queue job on AWS', () => {
  it('It should make the queue, encrypted (SSE-SQS), hiding a received message for the job’s visibility timeout, and its dead-letter queue after maxReceiveCount', () => {
    const { deadLetters } = stack.queues.queueFor(fixtureQueueJob.name);
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 60,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(stack, deadLetters), 'Arn'] }, maxReceiveCount: 3 },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('It should refuse plain-HTTP access to both queues', () => {
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy') as Resources);
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties['PolicyDocument'])).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('It should feed the worker through an event source mapping that reports batch item failures, with the job’s batch size and maximum concurrency', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: queueArn,
      FunctionName: { Ref: logicalIdOf(stack, stack.jobs.functionFor(fixtureQueueJob.name)) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 5,
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('It should let the worker receive and delete on its own queue only, and send nowhere', () => {
    const statements = sqsStatementsOf(stack.jobs.functionFor(fixtureQueueJob.name));
    const actions = statements.flatMap(actionsOfStatement);

    expect(actions).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
    expect(actions).not.toContain('sqs:SendMessage');
    for (const statement of statements) expect(statement.Resource).toEqual(queueArn);
  });

  it('It should give the worker the job’s timeout and no schedule', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Description: `fixture-queue: ${fixtureQueueJob.summary}`, Timeout: 10 });
    expect(stack.jobs.schedules.has(fixtureQueueJob.name)).toBe(false);
  });

  it.each([
    ['a route', () => stack.api.functionFor(producerRoute)],
    ['a job', () => stack.jobs.functionFor(producerJob.name)],
  ])('It should let %s that declares queue:send:fixture-queue send to that queue only, and give it QUEUE_URL_FIXTURE_QUEUE', (_, fn) => {
    expect(sqsStatementsOf(fn())).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn }]);
    expect(environmentOf(fn())['QUEUE_URL_FIXTURE_QUEUE']).toEqual(queueUrl);
  });

  it('It should give a function that does not declare it neither SQS access nor the queue’s URL', () => {
    const others = notProducers.slice(0, 3).map((route) => stack.api.functionFor(route));
    for (const fn of others) {
      expect(sqsStatementsOf(fn)).toEqual([]);
      expect(Object.keys(environmentOf(fn)).filter((name) => name.startsWith('QUEUE_URL_'))).toEqual([]);
    }
  });
});

describe('queue settings the CDK app refuses', () => {
  it('It should refuse a visibility timeout under six times the function timeout, as AWS advises', () => {
    const tooShort = { ...fixtureQueueJob, trigger: { queue: { ...fixtureQueueJob.trigger.queue, visibilityTimeoutSeconds: 59 } } };

    expect(() => build([tooShort], [])).toThrow('fixture-queue: visibilityTimeoutSeconds 59 is not 60–43200 (6 × timeoutSeconds)');
  });

  it('It should refuse queue:send naming a job that has no queue', () => {
    expect(() => build([sweep], [{ ...producerRoute, uses: ['queue:send:no-such-job'] }])).toThrow('queue:send:no-such-job names no queue job of the job table');
  });
});
