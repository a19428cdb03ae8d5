import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import type { OrganizationScheduleSpec, ScheduleStore } from './schedules';
import { ScheduleWriteError } from './schedules-errors';

/**
 * The local stand-in for EventBridge Scheduler (none runs offline): the
 * schedules as one JSON file in the local data folder, so they survive a
 * restart as Scheduler's do. `npm start` fires them
 * (src/local/schedule-runner.ts); the group is the job's name.
 */
export const LocalSchedule = z.object({
  group: z.string(),
  name: z.string(),
  expression: z.string(),
  timezone: z.string(),
  input: z.string(),
  description: z.string(),
  updatedAt: z.string(),
});
export type LocalSchedule = z.infer<typeof LocalSchedule>;

const LocalSchedulesFile = z.object({ schedules: z.array(LocalSchedule) });

/** Every schedule in the file; none before the first is written. */
export async function readLocalSchedules(file: string): Promise<LocalSchedule[]> {
  try {
    return LocalSchedulesFile.parse(JSON.parse(await readFile(file, 'utf8'))).schedules;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One change after another: the handlers of one local stack run in this one process, and each rewrites the whole file. */
let writes: Promise<unknown> = Promise.resolve();

function change(file: string, edit: (schedules: LocalSchedule[]) => LocalSchedule[]): Promise<void> {
  const next = writes.then(async () => {
    const schedules = edit(await readLocalSchedules(file));
    await mkdir(dirname(file), { recursive: true });
    // Written aside and renamed over: a stack stopped mid-write leaves the old file, never half of one.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ schedules }, null, 2)}\n`);
    await rename(temporary, file);
  });
  writes = next.catch(() => undefined);
  return next;
}

const isSchedule = (group: string, name: string) => (schedule: LocalSchedule) => schedule.group === group && schedule.name === name;

export function localSchedules(file: string, now: () => Date = () => new Date()): ScheduleStore {
  return {
    async put(definition, schedule: OrganizationScheduleSpec) {
      const { name, expression, timezone, input, description } = schedule;
      const entry: LocalSchedule = { group: definition.name, name, expression, timezone, input, description, updatedAt: now().toISOString() };
      await change(file, (schedules) => [...schedules.filter((other) => !isSchedule(entry.group, name)(other)), entry]).catch((error: unknown) => {
        throw new ScheduleWriteError(definition.name, name, 'put', { cause: error });
      });
    },
    async remove(definition, name) {
      await change(file, (schedules) => schedules.filter((other) => !isSchedule(definition.name, name)(other))).catch((error: unknown) => {
        throw new ScheduleWriteError(definition.name, name, 'delete', { cause: error });
      });
    },
  };
}
