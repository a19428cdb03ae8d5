import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { config } from '../config';
import type { JobDefinition } from '../jobs';
import { logger, setLogLevel, type Logger } from '../http/logger';
import { currentRequestScope, runInRequestScope } from '../http/request-scope';

/** What a job's Lambda answers: its own counts, and the DynamoDB calls the run made. */
export type JobResult<Counts> = Counts & { readonly dynamodbCalls: number };

export type JobHandler<Counts> = (event?: unknown, context?: Partial<Context>) => Promise<JobResult<Counts>>;

/**
 * Wraps a job's work as `http()` wraps a route's: one log line per run with
 * its counts, duration and DynamoDB calls. A failed run is logged and thrown
 * again, so Lambda (and its scheduler) sees it fail; jobs are idempotent, so
 * the next run simply does the work again.
 */
export function jobHandler<Counts extends object>(
  definition: Pick<JobDefinition, 'name'>,
  run: (input: { log: Logger }) => Promise<Counts>,
): JobHandler<Counts> {
  return (_event, context) =>
    runInRequestScope(async () => {
      const started = performance.now();
      const log = logger.child({ job: definition.name, runId: context?.awsRequestId ?? randomUUID() });
      const calls = () => currentRequestScope()?.dynamodbOperations.length ?? 0;
      try {
        setLogLevel(config().logLevel);
        const counts = await run({ log });
        log.info('job', { ...counts, durationMs: Math.round(performance.now() - started), dynamodbCalls: calls() });
        return { ...counts, dynamodbCalls: calls() };
      } catch (error) {
        log.error('job failed', { error, durationMs: Math.round(performance.now() - started), dynamodbCalls: calls() });
        throw error;
      }
    });
}
