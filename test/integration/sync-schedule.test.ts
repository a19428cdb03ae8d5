import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { minuteOf } from '../../src/domain/sync/daily-schedule';
import { scheduleOrganization } from '../../src/integrations/schedules';
import { readLocalSchedules } from '../../src/integrations/schedules-local';
import { job } from '../../src/jobs';
import { syncStatusOf } from '../../src/repositories/sync-status';
import { runSyncMessage } from '../../src/services/organization-sync';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { connectGithub, copyOfDemoOrganization, emulator } from '../support/github-connection';
import { sharedStackEnvironment } from '../support/private-api';
import { api } from '../support/stack';
import { pollUntil, readUntil } from '../support/polling';

/**
 * The organization's daily sync schedule through the stack: connecting writes
 * it, disconnecting (the admin's DELETE or GitHub's uninstall webhook)
 * deletes it, and firing it (the local stand-in for EventBridge Scheduler,
 * `POST /_local/schedules/<group>/<name>`) sends its message through SQS to
 * the sync worker, which starts a sync unless one runs.
 */
interface LocalSchedule {
  group: string;
  name: string;
  expression: string;
  timezone: string;
  input: string;
  nextFiring: string | null;
}
type Sync = { status: string; startedAt: string | null; finishedAt: string | null };

async function scheduleOf(orgId: string): Promise<LocalSchedule | undefined> {
  const { status, body } = await api<{ schedules: LocalSchedule[] }>('/_local/schedules');
  expect(status).toBe(200);
  return body.schedules.find((schedule) => schedule.group === 'github-sync' && schedule.name === orgId);
}

async function fire(orgId: string): Promise<void> {
  const fired = await api(`/_local/schedules/github-sync/${orgId}`, { method: 'POST' });
  expect(fired.status).toBe(200);
}

const syncOf = async (admin: SignedInAdmin) => (await api<Sync>('/sync', { token: admin.accessToken })).body;

/** Polls GET /sync until `done` holds. */
function syncWhen(admin: SignedInAdmin, done: (sync: Sync) => boolean): Promise<Sync> {
  return pollUntil(() => syncOf(admin), done, { timeoutMs: 25_000, intervalMs: 200, what: 'the sync never got there' });
}

const finished = (sync: Sync) => sync.status === 'idle' && sync.finishedAt !== null;

/** An organization in `timezone`, connected to a GitHub organization of its own, its first sync done. */
async function connectedOrganization(timezone = 'UTC') {
  const admin = await signedInAdmin();
  expect((await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { timezone } })).status).toBe(200);
  const login = await copyOfDemoOrganization();
  await connectGithub(admin, login);
  const { installationId } = (await api<{ installationId: number }>('/integrations/github', { token: admin.accessToken })).body;
  const first = await syncWhen(admin, finished);
  return { admin, orgId: admin.organizationId, installationId, first };
}

describe('the daily sync schedule', () => {
  it('It should schedule a connected organization daily at 03:xx in its own time zone, and unschedule it when an admin disconnects', async () => {
    const { admin, orgId, installationId } = await connectedOrganization('Asia/Tokyo');

    const schedule = await scheduleOf(orgId);
    const minute = minuteOf(orgId);
    expect(schedule).toMatchObject({ expression: `cron(${minute} 3 * * ? *)`, timezone: 'Asia/Tokyo' });
    expect(JSON.parse(schedule?.input ?? '')).toEqual({ kind: 'scheduled', orgId, installationId });
    // 03:mm in Tokyo (UTC+9, no daylight time) is 18:mm UTC the day before.
    expect(schedule?.nextFiring).toMatch(new RegExp(`T18:${String(minute).padStart(2, '0')}:00\\.000Z$`));

    expect((await api('/integrations/github', { method: 'DELETE', token: admin.accessToken })).status).toBeLessThan(300);

    expect(await scheduleOf(orgId)).toBeUndefined();
  });

  it('It should move the schedule to 03:xx of the new time zone when an admin changes it, and schedule nothing for an organization not connected', async () => {
    const { admin, orgId } = await connectedOrganization('UTC');
    const unconnected = await signedInAdmin();

    const changed = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { timezone: 'America/New_York' } });
    const elsewhere = await api('/organization/settings', { method: 'PUT', token: unconnected.accessToken, json: { timezone: 'America/New_York' } });

    expect([changed.status, elsewhere.status]).toEqual([200, 200]);
    expect(await scheduleOf(orgId)).toMatchObject({ expression: `cron(${minuteOf(orgId)} 3 * * ? *)`, timezone: 'America/New_York' });
    expect(await scheduleOf(unconnected.organizationId)).toBeUndefined();
  });

  it('It should unschedule the organization whose installation GitHub reports uninstalled', async () => {
    const { orgId, installationId } = await connectedOrganization();
    expect(await scheduleOf(orgId)).toBeDefined();

    expect((await emulator(`/_emulator/installations/${installationId}`, { method: 'DELETE' })).status).toBe(204);

    expect(await readUntil(() => scheduleOf(orgId), (schedule) => !schedule, { timeoutMs: 10_000, intervalMs: 100 })).toBeUndefined();
  });

  it('It should start a sync, shown by GET /sync to the end, when the schedule fires', async () => {
    const { admin, orgId, first } = await connectedOrganization();

    await fire(orgId);

    const again = await syncWhen(admin, (sync) => finished(sync) && sync.startedAt !== first.startedAt);
    expect(Date.parse(again.startedAt ?? '')).toBeGreaterThan(Date.parse(first.finishedAt ?? ''));
  });

  it('It should start no second sync when the schedule fires while one runs', async () => {
    const held = await connectedOrganization();
    const marker = await connectedOrganization();
    // A spent budget holds the organization's next sync: its listing is refused, and it waits for GitHub's reset, an hour away.
    expect((await emulator(`/_emulator/installations/${held.installationId}/rate-limit`, { method: 'POST', json: { remaining: 0 } })).status).toBe(200);
    const running = (await api<Sync>('/sync', { method: 'POST', token: held.admin.accessToken })).body;
    expect(running.status).toBe('running');

    await fire(held.orgId);
    // Fired after it on the same queue: once the marker's sync is done, the held organization's message has been handled too.
    await fire(marker.orgId);
    await syncWhen(marker.admin, (sync) => finished(sync) && sync.startedAt !== marker.first.startedAt);

    expect(await syncOf(held.admin)).toMatchObject({ status: 'waiting_for_rate_limit', startedAt: running.startedAt });
  });
});

describe('a schedule that outlived its organization’s connection', () => {
  it('It should start no sync when it fires, and remove itself', async () => {
    // The worker's step run in this process, on the stack's table and a schedules file of this test's own.
    const dir = await mkdtemp(join(tmpdir(), 'devinsights-orphan-'));
    const file = join(dir, 'schedules.json');
    provideAppEnvironment({ ...sharedStackEnvironment(), LOCAL_SCHEDULES_FILE: file, LOG_LEVEL: 'error' });
    const admin = await signedInAdmin();
    const orgId = admin.organizationId;
    const message = { kind: 'scheduled', orgId, installationId: 4242 } as const;
    await scheduleOrganization(job('github-sync'), orgId, 'UTC', message);
    const sent: unknown[] = [];

    try {
      await runSyncMessage(message, { send: async (queued) => void sent.push(queued), sendMany: async (queued) => void sent.push(...queued) });

      expect(sent).toEqual([]);
      expect(await syncStatusOf({ orgId })).toBeUndefined();
      expect(await readLocalSchedules(file)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
