import { isScheduledJob, type JobDefinition } from '../jobs';
import { logger } from '../http/logger';
import { handlerLoader } from './module-loader';

/**
 * The local stand-in for EventBridge Scheduler: each scheduled job's own
 * worker module runs in this process on its interval. A run that fails is
 * logged and the stack carries on, as the next scheduled invocation would on
 * AWS; a run still going when the next is due is not doubled.
 */
type WorkerHandler = () => Promise<Record<string, unknown>>;

const UNITS_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** `rate(1 hour)`, `rate(15 minutes)` → milliseconds; EventBridge's rate syntax (singular for 1, plural otherwise). */
export function rateIntervalMs(schedule: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(schedule);
  const [, value, unit] = match ?? [];
  if (!value || !unit || Number(value) < 1) throw new Error(`Unsupported schedule '${schedule}': the local job runner understands rate(<n> minute|hour|day[s])`);
  return Number(value) * UNITS_MS[unit as keyof typeof UNITS_MS];
}

/** A job's worker module, imported on its first run. */
const loadWorker = handlerLoader<WorkerHandler>('workers');

/** Runs a job's handler once, now, and answers what it returned (its counts). */
export async function runJobNow(definition: JobDefinition): Promise<Record<string, unknown>> {
  const handler = await loadWorker(definition.handler);
  return handler();
}

export interface JobRunner {
  stop(): void;
}

/** Runs the scheduled jobs of `table` (queue jobs have their consumers); `run` is the job's own handler, tests pass another to watch the timing. */
export function startJobRunner(table: readonly JobDefinition[], run: (definition: JobDefinition) => Promise<unknown> = runJobNow): JobRunner {
  const timers = table.filter(isScheduledJob).map((definition) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      run(definition)
        .catch((error: unknown) => logger.error('Local job run failed', { job: definition.name, error }))
        .finally(() => (running = false));
    }, rateIntervalMs(definition.trigger.schedule));
    // A pending run never keeps the process alive: Ctrl-C stops the stack at once.
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
