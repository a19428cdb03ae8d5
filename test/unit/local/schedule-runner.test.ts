import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { minuteOf } from '../../../src/domain/sync/daily-schedule';
import { scheduleOrganization, unscheduleOrganization } from '../../../src/integrations/schedules';
import { readLocalSchedules } from '../../../src/integrations/schedules-local';
import type { OrganizationScheduledJob } from '../../../src/jobs';
import { startScheduleRunner } from '../../../src/local/schedule-runner';
import { queueCounts } from '../../../src/local/sqs-local';
import { eventually, useTestSqs } from '../../support/sqs';

/**
 * The local stand-in for EventBridge Scheduler: the schedules file in the
 * data folder, and the runner that sends a schedule's message to its job's
 * queue in the SQS emulator when its minute comes (a clock of the test's own).
 */
const testSqs = useTestSqs();
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devinsights-schedules-'));
  file = join(dir, 'schedules.json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scheduledJob(name: string): Promise<OrganizationScheduledJob> {
  return (await scheduledQueue(name)).definition;
}

/** The fixture job under `name`, started daily per organization at 03:xx, with its queue; schedules go to this file's schedules file. */
async function scheduledQueue(name: string) {
  const { definition, queue } = await testSqs().queue(name);
  provideAppEnvironment({ LOCAL_SCHEDULES_FILE: file });
  return { definition: { ...definition, organizationSchedule: { localHour: 3 } } as OrganizationScheduledJob, queue };
}

describe('the local schedules file', () => {
  it('It should keep a schedule on disk, where a restarted stack finds it, and replace it when written again', async () => {
    const definition = await scheduledJob('kept');

    await scheduleOrganization(definition, 'org_kept', 'UTC', { id: 'first' });
    await scheduleOrganization(definition, 'org_kept', 'Asia/Tokyo', { id: 'second' });

    const stored = JSON.parse(await readFile(file, 'utf8')).schedules.filter((schedule: { name: string }) => schedule.name === 'org_kept');
    expect(stored).toEqual([
      expect.objectContaining({ group: 'kept', expression: `cron(${minuteOf('org_kept')} 3 * * ? *)`, timezone: 'Asia/Tokyo', input: JSON.stringify({ id: 'second', fail: false, holdMs: 0 }) }),
    ]);
  });

  it('It should keep every schedule when many are written at once', async () => {
    const definition = await scheduledJob('concurrent');
    const orgIds = Array.from({ length: 20 }, (_, index) => `org_concurrent_${index}`);

    await Promise.all(orgIds.map((orgId) => scheduleOrganization(definition, orgId, 'UTC', { id: orgId })));

    const names = (await readLocalSchedules(file)).filter((schedule) => schedule.group === 'concurrent').map((schedule) => schedule.name);
    expect(names.sort()).toEqual([...orgIds].sort());
  });

  it('It should delete a schedule, and take one that is not there as gone', async () => {
    const definition = await scheduledJob('deleted');
    await scheduleOrganization(definition, 'org_deleted', 'UTC', { id: 'gone' });

    await unscheduleOrganization(definition, 'org_deleted');
    await unscheduleOrganization(definition, 'org_never');

    expect((await readLocalSchedules(file)).some((schedule) => schedule.group === 'deleted')).toBe(false);
  });
});

describe('the local schedule runner', () => {
  it('It should send the schedule’s message to its queue when its minute comes in its time zone, and not before', async () => {
    const { definition, queue } = await scheduledQueue('fired');
    await scheduleOrganization(definition, 'org_fired', 'Europe/Berlin', { id: 'daily' });
    // 03:mm in Berlin in July is 01:mm UTC.
    const minute = String(minuteOf('org_fired')).padStart(2, '0');
    let clock = new Date(`2026-07-15T01:${minute}:00Z`).getTime() - 90_000;
    let reads = 0;
    const runner = startScheduleRunner({ file, jobs: [definition], intervalMs: 10, now: () => (reads++, new Date(clock)) });
    // The runner reads the clock once per check, and starts no check before the last one ended.
    const checkedOnce = async () => {
      const before = reads;
      await eventually(() => reads >= before + 2);
    };
    try {
      clock += 60_000;
      await checkedOnce();
      expect((await queueCounts(testSqs().client, [queue]))[0]?.visible).toBe(0);

      clock += 60_000;
      await eventually(async () => ((await queueCounts(testSqs().client, [queue]))[0]?.visible ?? 0) > 0);
    } finally {
      runner.stop();
    }

    const { Messages = [] } = await testSqs().client.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(Messages.map((received) => JSON.parse(received.Body ?? ''))).toEqual([{ id: 'daily', fail: false, holdMs: 0 }]);
  });

  it('It should list each schedule with its next firing, and fire one on demand', async () => {
    const definition = await scheduledJob('listed');
    await scheduleOrganization(definition, 'org_listed', 'UTC', { id: 'now' });
    const minute = String(minuteOf('org_listed')).padStart(2, '0');
    const sent: unknown[] = [];
    const runner = startScheduleRunner({
      file,
      jobs: [definition],
      now: () => new Date('2026-07-15T12:00:00Z'),
      send: async (_, message) => {
        sent.push(message);
        return 'message-1';
      },
    });
    try {
      const listed = (await runner.list()).find((schedule) => schedule.name === 'org_listed');
      expect(listed?.nextFiring).toBe(`2026-07-16T03:${minute}:00.000Z`);

      expect(await runner.fire('listed', 'org_listed')).toEqual({ messageId: 'message-1' });
      expect(await runner.fire('listed', 'org_nobody')).toBeUndefined();
    } finally {
      runner.stop();
    }
    expect(sent).toEqual([{ id: 'now', fail: false, holdMs: 0 }]);
  });
});
