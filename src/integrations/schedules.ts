import { config } from '../config';
import { dailyScheduleOf, scheduleNameOf, type DailySchedule } from '../domain/sync/daily-schedule';
import { parseQueueMessage, type OrganizationScheduledJob, type QueueMessageInput } from '../jobs';
import { QueueMessageInvalidError } from './queue-errors';
import { awsSchedules } from './schedules-aws';
import { localSchedules } from './schedules-local';

/**
 * The per-organization schedules of a job (`organizationSchedule` in
 * src/jobs.ts), behind one interface: EventBridge Scheduler on AWS, a file
 * in the local data folder for `npm start` (no Scheduler emulator exists;
 * src/local/schedule-runner.ts fires them through the same SQS queue). The
 * function that calls this declares `schedule:<job>`.
 */
export interface OrganizationScheduleSpec extends DailySchedule {
  /** The message the schedule sends to the job's queue, as JSON (Scheduler's `Target.Input`). */
  readonly input: string;
  readonly description: string;
}

export interface ScheduleStore {
  /** Creates the schedule, or replaces the one of that name. */
  put(definition: OrganizationScheduledJob, schedule: OrganizationScheduleSpec): Promise<void>;
  /** Deletes it; one that does not exist is already gone. */
  remove(definition: OrganizationScheduledJob, name: string): Promise<void>;
}

/** The local file when `npm start` names one (LOCAL_SCHEDULES_FILE), else EventBridge Scheduler. */
function store(): ScheduleStore {
  const file = config().localSchedulesFile;
  return file ? localSchedules(file) : awsSchedules;
}

/** Creates or replaces the organization's daily schedule, sending `message` to the job's queue; answers what was scheduled. */
export async function scheduleOrganization<J extends OrganizationScheduledJob>(
  definition: J,
  orgId: string,
  timezone: string,
  message: QueueMessageInput<J>,
): Promise<DailySchedule> {
  const parsed = parseQueueMessage(definition, message);
  if (!parsed.ok) throw new QueueMessageInvalidError(definition.name, parsed.issues);
  const schedule = dailyScheduleOf(orgId, timezone, definition.organizationSchedule.localHour);
  await store().put(definition, { ...schedule, input: JSON.stringify(parsed.message), description: `${definition.name} of one organization, daily` });
  return schedule;
}

/** Deletes the organization's schedule, if it has one. */
export async function unscheduleOrganization(definition: OrganizationScheduledJob, orgId: string): Promise<void> {
  await store().remove(definition, scheduleNameOf(orgId));
}
