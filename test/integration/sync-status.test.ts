import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { beginSync, claimRepositorySync, repositorySynced, STALE_SYNC_MS, syncStatusOf, syncWaitsForRateLimit } from '../../src/repositories/sync-status';
import { sharedStackEnvironment } from '../support/private-api';

/** The organization's sync record under concurrent repository jobs, against the shared stack's DynamoDB Local. */
const tenant = () => ({ orgId: `org_syncstatus_${randomBytes(4).toString('hex')}` });
const spent = { requests: 3, notModified: 1 };

beforeAll(() => {
  provideAppEnvironment({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' });
});

describe('the sync record', () => {
  it('It should start one sync however many ask at once, and answer the same one to all', async () => {
    const org = tenant();
    const now = new Date();

    const answers = await Promise.all(Array.from({ length: 5 }, (_, index) => beginSync(org, `sync-${index}`, 3, now)));

    expect(answers.filter((answer) => answer.started)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.sync.syncId)).size).toBe(1);
  });

  it('It should count each repository once, even delivered twice, and finish with the last one', async () => {
    const org = tenant();
    const now = new Date();
    await beginSync(org, 'sync-1', 2, now);

    await Promise.all([repositorySynced(org, 'sync-1', 'acme/api', spent, now), repositorySynced(org, 'sync-1', 'acme/api', spent, now)]);
    const midway = await syncStatusOf(org);
    const last = await repositorySynced(org, 'sync-1', 'acme/web', spent, now);

    expect(midway).toMatchObject({ status: 'running', repositories: { done: 1, total: 2 }, finishedAt: null, firstFinishedAt: null });
    expect(last).toMatchObject({ status: 'idle', repositories: { done: 2, total: 2 }, finishedAt: now.toISOString(), firstFinishedAt: now.toISOString() });
  });

  it('It should show a sync waiting for the rate limit, and running again when a repository moves on', async () => {
    const org = tenant();
    const now = new Date();
    const resetAt = new Date(now.getTime() + 600_000);
    await beginSync(org, 'sync-1', 2, now);

    await syncWaitsForRateLimit(org, 'sync-1', 0, resetAt, now);
    const waiting = await syncStatusOf(org);
    await repositorySynced(org, 'sync-1', 'acme/api', spent, new Date(resetAt.getTime() + 1000));

    expect(waiting).toMatchObject({ status: 'waiting_for_rate_limit', rateLimit: { remaining: 0, resetAt: resetAt.toISOString() } });
    expect(await syncStatusOf(org)).toMatchObject({ status: 'running', rateLimit: null });
  });

  it('It should let a new sync replace one that stopped moving, and ignore the old one\'s late jobs', async () => {
    const org = tenant();
    const then = new Date(Date.now() - STALE_SYNC_MS - 60_000);
    await beginSync(org, 'old', 2, then);

    const fresh = await beginSync(org, 'new', 1, new Date());
    const late = await repositorySynced(org, 'old', 'acme/api', spent, new Date());

    expect(fresh.started).toBe(true);
    expect(late).toBeUndefined();
    expect(await syncStatusOf(org)).toMatchObject({ syncId: 'new', repositories: { done: 0, total: 1 } });
  });

  it('It should queue one webhook read of a repository per debounce window', async () => {
    const org = tenant();
    const now = new Date();

    const claims = await Promise.all(Array.from({ length: 4 }, () => claimRepositorySync(org, 'acme/api', 10, now)));
    const otherRepository = await claimRepositorySync(org, 'acme/web', 10, now);
    const later = await claimRepositorySync(org, 'acme/api', 10, new Date(now.getTime() + 11_000));

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(otherRepository).toBe(true);
    expect(later).toBe(true);
  });
});
