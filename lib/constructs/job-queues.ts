import { Duration } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isQueueJob, queueSettingsProblems, queueUrlVariable, type JobDefinition, type QueueJobDefinition } from '../../src/jobs';
import { constructIdFor } from './route-function';

export interface JobQueue {
  readonly job: QueueJobDefinition;
  readonly queue: Queue;
  readonly deadLetters: Queue;
}

/**
 * One SQS queue per queue job of the job table, with its dead-letter queue.
 * Made before the functions, since routes and jobs that enqueue are granted
 * on them (`queue:send:<job>`) as much as the worker that consumes them.
 */
export class JobQueues extends Construct {
  /** By job name. */
  readonly queues: ReadonlyMap<string, JobQueue>;

  constructor(scope: Construct, id: string, props: { readonly jobs: readonly JobDefinition[] }) {
    super(scope, id);
    const queueJobs = props.jobs.filter(isQueueJob);
    const problems = queueJobs.flatMap(queueSettingsProblems);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const queues = new Map<string, JobQueue>();
    for (const job of queueJobs) {
      const name = constructIdFor(job.name);
      const { visibilityTimeoutSeconds, maxReceiveCount } = job.trigger.queue;
      const deadLetters = new Queue(this, `${name}DeadLetters`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // A message keeps its first enqueue time when it moves here: this must outlast the source queue's 4 days.
        retentionPeriod: Duration.days(14),
      });
      const queue = new Queue(this, `${name}Queue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds),
        deadLetterQueue: { queue: deadLetters, maxReceiveCount },
      });
      queues.set(job.name, { job, queue, deadLetters });
    }
    this.queues = queues;
  }

  queueFor(jobName: string): JobQueue {
    const found = this.queues.get(jobName);
    if (!found) throw new Error(`queue:send:${jobName} names no queue job of the job table`);
    return found;
  }

  /** SendMessage (SendMessageBatch is the same action) on that one queue, and its URL where `enqueue` looks for it. */
  grantSendTo(fn: LambdaFunction, jobName: string): void {
    const { queue } = this.queueFor(jobName);
    queue.grant(fn, 'sqs:SendMessage');
    fn.addEnvironment(queueUrlVariable(jobName), queue.queueUrl);
  }
}
