import { firingsBetween, nextFiringAfter } from '../domain/sync/daily-schedule';
import { logger } from '../http/logger';
import { enqueue } from '../integrations/queue';
import { readLocalSchedules, type LocalSchedule } from '../integrations/schedules-local';
import { hasOrganizationSchedule, type JobDefinition, type OrganizationScheduledJob } from '../jobs';

/**
 * The local stand-in for EventBridge Scheduler's side of the organizations'
 * schedules: every few seconds it reads the schedules file
 * (src/integrations/schedules-local.ts) and sends the message of each one
 * whose minute has come, in its time zone, to its job's queue with the real
 * SQS client, as Scheduler's SQS target does. The queue's local consumer
 * does the rest, as on AWS.
 */
export interface ScheduleRunner {
  /** Each schedule with when it fires next. */
  list(): Promise<(LocalSchedule & { readonly nextFiring: string | null })[]>;
  /** Sends one schedule's message now (the test control); undefined when there is no such schedule. */
  fire(group: string, name: string): Promise<{ readonly messageId: string } | undefined>;
  stop(): void;
}

export interface ScheduleRunnerOptions {
  readonly file: string;
  readonly jobs: readonly JobDefinition[];
  /** How often the file is read; a schedule fires within this after its minute starts. */
  readonly intervalMs?: number;
  readonly now?: () => Date;
  /** Tests pass another to watch what fires. */
  readonly send?: (definition: OrganizationScheduledJob, message: unknown) => Promise<string>;
}

const sendToQueue = (definition: OrganizationScheduledJob, message: unknown) => enqueue(definition, message);

export function startScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const now = options.now ?? (() => new Date());
  const send = options.send ?? sendToQueue;
  const jobOf = (schedule: LocalSchedule) => options.jobs.filter(hasOrganizationSchedule).find((definition) => definition.name === schedule.group);

  async function fireOne(schedule: LocalSchedule): Promise<string> {
    const definition = jobOf(schedule);
    if (!definition) throw new Error(`The schedule ${schedule.group}/${schedule.name} names no job with an organizationSchedule`);
    return send(definition, JSON.parse(schedule.input));
  }

  let checkedUntil = now();
  let checking = false;
  async function check(): Promise<void> {
    const until = now();
    const due = (await readLocalSchedules(options.file)).flatMap((schedule) => firingsBetween(schedule, checkedUntil, until).map(() => schedule));
    checkedUntil = until;
    for (const schedule of due) {
      // One failed send is logged and the others still go, as each Scheduler schedule is invoked on its own.
      await fireOne(schedule).catch((error: unknown) => logger.error('A local schedule could not send its message', { group: schedule.group, name: schedule.name, error }));
    }
  }

  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    check()
      .catch((error: unknown) => logger.error('The local schedules could not be read', { file: options.file, error }))
      .finally(() => (checking = false));
  }, options.intervalMs ?? 15_000);
  // A pending check never keeps the process alive: Ctrl-C stops the stack at once.
  timer.unref();

  return {
    async list() {
      const at = now();
      return (await readLocalSchedules(options.file)).map((schedule) => ({ ...schedule, nextFiring: nextFiringAfter(schedule, at)?.toISOString() ?? null }));
    },
    async fire(group, name) {
      const schedule = (await readLocalSchedules(options.file)).find((candidate) => candidate.group === group && candidate.name === name);
      return schedule ? { messageId: await fireOne(schedule) } : undefined;
    },
    stop: () => clearInterval(timer),
  };
}
