import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { ConflictException, ResourceNotFoundException, ValidationException } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { minuteOf } from '../../../src/domain/sync/daily-schedule';
import { scheduleOrganization, unscheduleOrganization } from '../../../src/integrations/schedules';
import { ScheduleNotConfiguredError, ScheduleWriteError } from '../../../src/integrations/schedules-errors';
import { QueueMessageInvalidError } from '../../../src/integrations/queue-errors';
import { job } from '../../../src/jobs';

/**
 * EventBridge Scheduler is mocked here (aws-sdk-client-mock): no emulator of
 * it exists, locally or on npm. What is checked is what the real client is
 * asked to send; the local stand-in has tests of its own.
 */
const scheduler = mockClient(SchedulerClient);
const sync = job('github-sync');
const ORG = 'org_Ab3-x_9';
const TARGET = {
  SCHEDULE_GROUP_GITHUB_SYNC: 'DevInsights-OrganizationSchedules-GithubSync',
  SCHEDULE_ROLE_ARN_GITHUB_SYNC: 'arn:aws:iam::123456789012:role/GithubSyncSchedulerRole',
  QUEUE_ARN_GITHUB_SYNC: 'arn:aws:sqs:eu-west-1:123456789012:GithubSyncQueue',
};
const message = { kind: 'scheduled', orgId: ORG, installationId: 42 } as const;

beforeEach(() => {
  scheduler.reset();
  // Every variable a granted function has, set again before each test (one removes the group).
  provideAppEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', USER_POOL_ID: 'pool', USER_POOL_CLIENT_ID: 'client', AWS_REGION: 'eu-west-1', LOG_LEVEL: 'error', ...TARGET });
});

describe('scheduling an organization on EventBridge Scheduler', () => {
  it('It should create its schedule: daily at 03:xx in its time zone, exactly at the minute, sending the scheduled message to the queue as the scheduler role', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });

    await scheduleOrganization(sync, ORG, 'Europe/Berlin', message);

    expect(scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input)).toEqual([
      {
        Name: ORG,
        GroupName: TARGET.SCHEDULE_GROUP_GITHUB_SYNC,
        Description: 'github-sync of one organization, daily',
        ScheduleExpression: `cron(${minuteOf(ORG)} 3 * * ? *)`,
        ScheduleExpressionTimezone: 'Europe/Berlin',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: {
          Arn: TARGET.QUEUE_ARN_GITHUB_SYNC,
          RoleArn: TARGET.SCHEDULE_ROLE_ARN_GITHUB_SYNC,
          Input: JSON.stringify(message),
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
        },
      },
    ]);
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('It should replace the schedule when the organization has one already (connecting again)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'Schedule already exists', Message: 'Schedule already exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });

    await scheduleOrganization(sync, ORG, 'America/New_York', { ...message, installationId: 43 });

    const [update] = scheduler.commandCalls(UpdateScheduleCommand);
    expect(update?.args[0].input).toMatchObject({ Name: ORG, ScheduleExpressionTimezone: 'America/New_York', Target: { Input: JSON.stringify({ ...message, installationId: 43 }) } });
  });

  it('It should report any other refusal as a ScheduleWriteError, keeping the cause', async () => {
    const refusal = new ValidationException({ message: 'Invalid timezone', Message: 'Invalid timezone', $metadata: {} });
    scheduler.on(CreateScheduleCommand).rejects(refusal);

    const failed = scheduleOrganization(sync, ORG, 'Mars/Olympus', message);

    await expect(failed).rejects.toThrow(ScheduleWriteError);
    await expect(failed).rejects.toMatchObject({ cause: refusal });
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('It should refuse a message that is not the job’s, sending nothing', async () => {
    await expect(scheduleOrganization(sync, ORG, 'UTC', { kind: 'scheduled', orgId: ORG, installationId: -1 })).rejects.toThrow(QueueMessageInvalidError);
    expect(scheduler.calls()).toHaveLength(0);
  });

  it('It should name the missing variable and capability when the function was not granted schedule:github-sync', async () => {
    delete process.env['SCHEDULE_GROUP_GITHUB_SYNC'];
    provideAppEnvironment({});

    await expect(scheduleOrganization(sync, ORG, 'UTC', message)).rejects.toThrow(new ScheduleNotConfiguredError('github-sync', 'SCHEDULE_GROUP_GITHUB_SYNC'));
    expect(scheduler.calls()).toHaveLength(0);
  });
});

describe('unscheduling an organization', () => {
  it('It should delete its schedule from the job’s group', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});

    await unscheduleOrganization(sync, ORG);

    expect(scheduler.commandCalls(DeleteScheduleCommand).map((call) => call.args[0].input)).toEqual([{ Name: ORG, GroupName: TARGET.SCHEDULE_GROUP_GITHUB_SYNC }]);
  });

  it('It should take a schedule that does not exist as already gone', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: 'Schedule not found', Message: 'Schedule not found', $metadata: {} }));

    await expect(unscheduleOrganization(sync, ORG)).resolves.toBeUndefined();
  });

  it('It should report another failure as a ScheduleWriteError', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new Error('socket hang up'));

    await expect(unscheduleOrganization(sync, ORG)).rejects.toThrow(ScheduleWriteError);
  });
});
