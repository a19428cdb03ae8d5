import { SQSClient } from '@aws-sdk/client-sqs';
import { awsClientOptions, config } from '../config';
import { isQueueJob, type JobDefinition } from '../jobs';
import { progressLine, setSyncProgressReporter } from '../services/sync-progress';
import { handlerLoader } from './module-loader';
import { startQueueConsumer, type QueueConsumer, type WorkerHandler } from './queue-consumer';
import { ensureQueues, queueCounts, type QueueCounts } from './sqs-local';

/**
 * Every queue job of the table, locally: its queues in the SQS emulator and a
 * consumer that hands their messages to the job's own worker module, loaded
 * on its first batch like a Lambda's cold start. Started once the app's
 * environment is in place, like the scheduled jobs' runner. The sync's
 * progress goes to the terminal as one short line per repository and one
 * per finished sync, unless LOG_LEVEL asks for warnings only (the tests).
 */
export interface QueueRunner {
  counts(): Promise<QueueCounts[]>;
  stop(): Promise<void>;
}

const loadWorker = handlerLoader<WorkerHandler>('workers');

export async function startQueueRunner(table: readonly JobDefinition[], options: { readonly endpoint: string; readonly region: string }): Promise<QueueRunner> {
  const client = new SQSClient(awsClientOptions(options.endpoint));
  const quiet = config().logLevel === 'warn' || config().logLevel === 'error';
  const restoreProgress = setSyncProgressReporter((event) => {
    if (!quiet) console.log(progressLine(event));
  });
  const queues = await ensureQueues(client, table);
  const consumers: QueueConsumer[] = table.filter(isQueueJob).flatMap((definition) => {
    const queue = queues.find((candidate) => candidate.jobName === definition.name);
    if (!queue) return [];
    const handler: WorkerHandler = async (event, context) => (await loadWorker(definition.handler))(event, context);
    return [startQueueConsumer({ definition, queue, client, region: options.region, handler })];
  });
  return {
    counts: () => queueCounts(client, queues),
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      restoreProgress();
      client.destroy();
    },
  };
}
