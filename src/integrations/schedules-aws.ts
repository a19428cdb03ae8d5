import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { awsClientOptions, config, type ScheduleTarget } from '../config';
import { jobVariableSuffix, scheduleVariables, type OrganizationScheduledJob } from '../jobs';
import type { OrganizationScheduleSpec, ScheduleStore } from './schedules';
import { ScheduleNotConfiguredError, ScheduleWriteError } from './schedules-errors';

/**
 * The organizations' schedules on EventBridge Scheduler: one schedule per
 * organization in the job's group (made by the CDK app), sending its message
 * to the job's queue as the role the CDK app made for that alone.
 */
let client: SchedulerClient | undefined;
function scheduler(): SchedulerClient {
  // Created on first use, not at import: the analytics bundles import the disconnect path without ever scheduling.
  client ??= new SchedulerClient(awsClientOptions(undefined));
  return client;
}

function targetOf(definition: OrganizationScheduledJob): ScheduleTarget {
  const target = config().scheduleTargets[jobVariableSuffix(definition.name)];
  if (!target) throw new ScheduleNotConfiguredError(definition.name, scheduleVariables(definition.name).group);
  return target;
}

/** CreateSchedule's input; UpdateSchedule takes the same fields and replaces every one of them. */
export function scheduleInput(definition: OrganizationScheduledJob, schedule: OrganizationScheduleSpec): CreateScheduleCommandInput {
  const target = targetOf(definition);
  return {
    Name: schedule.name,
    GroupName: target.groupName,
    Description: schedule.description,
    ScheduleExpression: schedule.expression,
    ScheduleExpressionTimezone: schedule.timezone,
    // The minute already spreads the organizations (minuteOf); a window would only blur when a sync starts.
    FlexibleTimeWindow: { Mode: 'OFF' },
    State: 'ENABLED',
    Target: {
      Arn: target.queueArn,
      RoleArn: target.roleArn,
      Input: schedule.input,
      // A daily sync that could not be queued for an hour waits for the next day (or POST /sync), not for Scheduler's default 24 h of retries.
      RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
    },
  };
}

export const awsSchedules: ScheduleStore = {
  async put(definition, schedule) {
    const input = scheduleInput(definition, schedule);
    try {
      try {
        await scheduler().send(new CreateScheduleCommand(input));
      } catch (error) {
        // Connecting again: the organization's schedule exists, and is replaced whole.
        if (!(error instanceof ConflictException)) throw error;
        await scheduler().send(new UpdateScheduleCommand(input));
      }
    } catch (error) {
      throw new ScheduleWriteError(definition.name, schedule.name, 'put', { cause: error });
    }
  },

  async remove(definition, name) {
    const { groupName } = targetOf(definition);
    try {
      await scheduler().send(new DeleteScheduleCommand({ Name: name, GroupName: groupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return;
      throw new ScheduleWriteError(definition.name, name, 'delete', { cause: error });
    }
  },
};
