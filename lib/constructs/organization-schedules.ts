import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { hasOrganizationSchedule, isQueueJob, scheduleVariables, type JobDefinition, type OrganizationScheduledJob } from '../../src/jobs';
import type { JobQueues } from './job-queues';
import { constructIdFor } from './route-function';

const SCHEDULER = 'scheduler.amazonaws.com';

export interface OrganizationScheduleGroup {
  readonly job: OrganizationScheduledJob;
  readonly group: ScheduleGroup;
  /** What EventBridge Scheduler sends as: SendMessage to the job's queue, nothing else. */
  readonly role: Role;
}

/**
 * For each job of the table started daily per organization
 * (`organizationSchedule`): the schedule group its organizations' schedules
 * live in, and the role they send to the job's queue as. The schedules
 * themselves are made at run time (src/integrations/schedules.ts) by the
 * functions that declare `schedule:<job>`, granted here on that group only.
 */
export class OrganizationSchedules extends Construct {
  /** By job name. */
  readonly groups: ReadonlyMap<string, OrganizationScheduleGroup>;
  private readonly queues: JobQueues;

  constructor(scope: Construct, id: string, props: { readonly jobs: readonly JobDefinition[]; readonly queues: JobQueues }) {
    super(scope, id);
    this.queues = props.queues;
    const misplaced = props.jobs.filter((job) => job.organizationSchedule !== undefined && !isQueueJob(job));
    if (misplaced.length > 0) throw new Error(`organizationSchedule needs a queue job: ${misplaced.map((job) => job.name).join(', ')}`);
    const badHours = props.jobs.filter(hasOrganizationSchedule).filter(({ organizationSchedule: { localHour } }) => !Number.isInteger(localHour) || localHour < 0 || localHour > 23);
    if (badHours.length > 0) throw new Error(badHours.map((job) => `${job.name}: organizationSchedule.localHour ${job.organizationSchedule.localHour} is not 0–23`).join('\n'));
    const groups = new Map<string, OrganizationScheduleGroup>();
    for (const job of props.jobs.filter(hasOrganizationSchedule)) {
      const name = constructIdFor(job.name);
      const group = new ScheduleGroup(this, `${name}ScheduleGroup`);
      const stack = Stack.of(this);
      // Only this account's schedules of this group may act as the role (the confused-deputy guard AWS documents for Scheduler).
      const role = new Role(this, `${name}SchedulerRole`, {
        description: `EventBridge Scheduler: send the ${job.name} schedules' messages to its queue`,
        assumedBy: new ServicePrincipal(SCHEDULER).withConditions({
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.scheduleArns(group) },
        }),
      });
      props.queues.queueFor(job.name).queue.grant(role, 'sqs:SendMessage');
      groups.set(job.name, { job, group, role });
    }
    this.groups = groups;
  }

  /** Every schedule of the group: `arn:…:scheduler:<region>:<account>:schedule/<group>/*`. */
  private scheduleArns(group: ScheduleGroup): string {
    return Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${group.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  }

  groupFor(jobName: string): OrganizationScheduleGroup {
    const found = this.groups.get(jobName);
    if (!found) throw new Error(`schedule:${jobName} names no job of the job table with an organizationSchedule`);
    return found;
  }

  /**
   * Create, replace and delete schedules in the job's group (nothing else of
   * Scheduler), pass its role to Scheduler alone, and the variables
   * src/config.ts reads them from.
   */
  grantManageTo(fn: LambdaFunction, jobName: string): void {
    const { group, role } = this.groupFor(jobName);
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'], resources: [this.scheduleArns(group)] }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn], conditions: { StringEquals: { 'iam:PassedToService': SCHEDULER } } }),
    );
    const variables = scheduleVariables(jobName);
    fn.addEnvironment(variables.group, group.scheduleGroupName);
    fn.addEnvironment(variables.roleArn, role.roleArn);
    fn.addEnvironment(variables.queueArn, this.queues.queueFor(jobName).queue.queueArn);
  }
}
