import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { DevInsightsStack } from '../../lib/devinsights-stack';
import { job, jobs, type JobDefinition, type JobName } from '../../src/jobs';
import { routeKey, routes, type RouteDefinition } from '../../src/routes';
import { actionsOfStatement, logicalIdOf, PROPS, statementsOf, testApp, type Resources, type Statement } from './template-helpers';

/**
 * The daily schedule per organization of `github-sync` (`organizationSchedule`
 * in src/jobs.ts) as resources: its group, the role Scheduler sends as, and
 * the grants of the functions that declare `schedule:github-sync`. Unbundled:
 * only the template's wiring is read.
 */
const SCHEDULERS = ['GET /integrations/github/callback', 'DELETE /integrations/github', 'POST /webhooks/github', 'PUT /organization/settings'];

function build(jobTable: readonly JobDefinition[] = jobs, routeTable: readonly RouteDefinition[] = routes) {
  const app = testApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new DevInsightsStack(app, 'Schedules', { ...PROPS, jobs: jobTable, routes: routeTable });
  return { stack, template: Template.fromStack(stack) };
}

let stack: DevInsightsStack;
let template: Template;
const sync = () => stack.schedules.groupFor('github-sync');
const logicalId = (construct: Parameters<typeof logicalIdOf>[1]) => logicalIdOf(stack, construct);
const schedulerStatementsOf = (fn: RouteFunction) =>
  statementsOf(template, stack, fn).filter((statement) => actionsOfStatement(statement).some((action) => action.startsWith('scheduler:') || action === 'iam:PassRole'));
const environmentOf = (fn: RouteFunction): Record<string, unknown> =>
  (template.findResources('AWS::Lambda::Function') as Resources)[logicalId(fn)]?.Properties['Environment']?.['Variables'] ?? {};
const inGroup = (group: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:schedule/${group}/*`]] });

beforeAll(() => {
  ({ stack, template } = build());
}, 60_000);

describe('the organizations’ schedule group and the role Scheduler sends as', () => {
  it('It should make one schedule group, for github-sync, and no schedule (those are made per organization at run time)', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: sync().group.scheduleGroupName });
    expect(sync().group.scheduleGroupName).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
    template.resourceCountIs('AWS::Scheduler::Schedule', jobs.filter((entry) => 'schedule' in entry.trigger).length);
  });

  it('It should let only Scheduler assume the role, for this account’s schedules of that group', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': inGroup(sync().group.scheduleGroupName) } },
          },
        ],
      },
    });
  });

  it('It should let the role send to the github-sync queue and do nothing else', () => {
    const roleId = logicalId(sync().role);
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Resources)
      .filter((policy) => JSON.stringify(policy.Properties['Roles']).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties['PolicyDocument'].Statement as Statement[]);
    expect(statements).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalId(stack.queues.queueFor('github-sync').queue), 'Arn'] } }]);
  });
});

describe('the functions that write the schedules', () => {
  const declaring = routes.filter((route) => (route.uses as readonly string[]).includes('schedule:github-sync')).map(routeKey);

  it('It should be exactly the callback, the disconnect, the webhook receiver, the settings, the sync worker and the erasure worker', () => {
    expect(declaring.sort()).toEqual([...SCHEDULERS].sort());
    expect(jobs.filter((entry) => (entry.uses as readonly string[]).includes('schedule:github-sync')).map((entry) => entry.name)).toEqual([
      'github-sync',
      'organization-erasure',
    ]);
  });

  it.each([...SCHEDULERS.map((key) => [key] as const), ['the job github-sync'] as const, ['the job organization-erasure'] as const])(
    'It should let %s create, replace and delete schedules in that group only, pass the role to Scheduler only, and name all three',
    (key) => {
      const fn = key.startsWith('the job ') ? stack.jobs.functionFor(key.slice('the job '.length) as JobName) : stack.api.functionFor(routes.find((route) => routeKey(route) === key) as RouteDefinition);
      expect(schedulerStatementsOf(fn)).toEqual([
        { Action: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'], Effect: 'Allow', Resource: inGroup(sync().group.scheduleGroupName) },
        { Action: 'iam:PassRole', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalId(sync().role), 'Arn'] }, Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } },
      ]);
      expect(environmentOf(fn)).toMatchObject({
        SCHEDULE_GROUP_GITHUB_SYNC: sync().group.scheduleGroupName,
        SCHEDULE_ROLE_ARN_GITHUB_SYNC: { 'Fn::GetAtt': [logicalId(sync().role), 'Arn'] },
        QUEUE_ARN_GITHUB_SYNC: { 'Fn::GetAtt': [logicalId(stack.queues.queueFor('github-sync').queue), 'Arn'] },
      });
    },
  );

  it('It should give every other function neither Scheduler rights, nor PassRole, nor the variables', () => {
    const others = routes.filter((route) => !declaring.includes(routeKey(route))).map((route) => stack.api.functionFor(route));
    for (const fn of [...others, stack.jobs.functionFor('sweep-expired-signups')]) {
      expect(schedulerStatementsOf(fn)).toEqual([]);
      expect(Object.keys(environmentOf(fn)).filter((name) => /^(SCHEDULE_|QUEUE_ARN_)/.test(name))).toEqual([]);
    }
  });
});

describe('organization schedules the CDK app refuses', () => {
  const sweep = job('sweep-expired-signups');

  it('It should refuse an organizationSchedule on a job that has no queue to send to', () => {
    expect(() => build([{ ...sweep, organizationSchedule: { localHour: 3 } }], [])).toThrow('organizationSchedule needs a queue job: sweep-expired-signups');
  });

  it('It should refuse a local hour that is no hour of the day', () => {
    const syncJob = job('github-sync');
    expect(() => build([sweep, { ...syncJob, organizationSchedule: { localHour: 24 } }], [])).toThrow('github-sync: organizationSchedule.localHour 24 is not 0–23');
  });

  it('It should refuse schedule:<job> naming a job without an organizationSchedule', () => {
    const health = routes[0] as RouteDefinition;
    expect(() => build(jobs, [{ ...health, uses: ['schedule:sweep-expired-signups'] }])).toThrow(
      'schedule:sweep-expired-signups names no job of the job table with an organizationSchedule',
    );
  });
});
