import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { isQueueJob, type JobDefinition } from '../../src/jobs';
import { grantCapabilities, type GrantTargets } from './capability-grants';
import { constructIdFor, RouteFunction, type RouteFunctionSettings } from './route-function';

export interface BackgroundJobsProps extends GrantTargets {
  readonly jobs: readonly JobDefinition[];
  readonly settings: RouteFunctionSettings;
  /** Variables every function gets (the user pool's ids). */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * The job table as resources: one Lambda per job (the route functions'
 * defaults, its worker module, its own timeout), granted exactly its
 * `uses`, and for a scheduled job an EventBridge Scheduler schedule that
 * invokes it; for a queue job an event source mapping on its queue
 * (`JobQueues`), which alone lets it receive and delete there.
 */
export class BackgroundJobs extends Construct {
  /** By job name, e.g. `sweep-expired-signups`. */
  readonly functions: ReadonlyMap<string, RouteFunction>;
  readonly schedules: ReadonlyMap<string, Schedule>;

  constructor(scope: Construct, id: string, props: BackgroundJobsProps) {
    super(scope, id);
    const functions = new Map<string, RouteFunction>();
    const schedules = new Map<string, Schedule>();
    for (const job of props.jobs) {
      const fn = new RouteFunction(this, {
        handlerModule: job.handler,
        folder: 'workers',
        description: `${job.name}: ${job.summary}`,
        settings: props.settings,
        environment: props.environment,
        timeout: Duration.seconds(job.timeoutSeconds),
      });
      grantCapabilities(fn, job.uses, props);
      functions.set(job.name, fn);
      if (isQueueJob(job)) {
        const { batchSize, maxConcurrency } = job.trigger.queue;
        // Partial batch responses: only the messages the worker reports failed come back, not the whole batch.
        fn.addEventSource(new SqsEventSource(props.queues.queueFor(job.name).queue, { batchSize, maxConcurrency, reportBatchItemFailures: true }));
      } else if ('schedule' in job.trigger) {
        schedules.set(
          job.name,
          new Schedule(this, `${constructIdFor(job.name)}Schedule`, {
            schedule: ScheduleExpression.expression(job.trigger.schedule),
            description: `${job.name}: ${job.summary}`.slice(0, 512),
            // A job is idempotent and runs again at its next slot: a missed run is not worth a day of retries.
            target: new LambdaInvoke(fn, { retryAttempts: 2, maxEventAge: Duration.minutes(30) }),
          }),
        );
      }
    }
    this.functions = functions;
    this.schedules = schedules;
  }

  /** The function of a job of the table. */
  functionFor(name: string): RouteFunction {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`No function for job '${name}'`);
    return fn;
  }
}
