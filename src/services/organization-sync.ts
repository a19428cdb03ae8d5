import { randomBytes } from 'node:crypto';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { GithubRateLimitedError } from '../integrations/github/errors';
import { installationClient } from '../integrations/github/installation-client';
import { enqueue, enqueueMany } from '../integrations/queue';
import { job } from '../jobs';
import { beginSync, repositorySynced, syncTotalKnown, syncWaitsForRateLimit, type SyncStatus } from '../repositories/sync-status';
import type { GithubSyncMessage, SyncRepositoryMessage } from '../schemas/sync';
import { listOrganization } from './organization-listing';
import { syncRepository } from './repository-sync';
import { reportSyncProgress } from './sync-progress';

/**
 * The organization sync as background work on the `github-sync` queue:
 * asking for a sync writes the sync record and queues the listing; the
 * listing queues one job per active repository; each job reads its
 * repository and counts it done. The queue is a parameter (default SQS via
 * src/integrations/queue.ts), so the steps can also be driven by hand.
 */
export interface SyncQueue {
  send(message: GithubSyncMessage, delaySeconds?: number): Promise<void>;
  sendMany(messages: readonly GithubSyncMessage[]): Promise<void>;
}

export const sqsSyncQueue: SyncQueue = {
  send: async (message, delaySeconds) => void (await enqueue(job('github-sync'), message, delaySeconds === undefined ? {} : { delaySeconds })),
  sendMany: async (messages) => void (await enqueueMany(job('github-sync'), messages)),
};

/** SQS delays a message 15 minutes at most: a longer wait is several hops. */
const MAX_DELAY_SECONDS = 900;

/** The delay of the next hop towards `at`. */
const delayTowards = (at: Date, now: Date) => Math.min(MAX_DELAY_SECONDS, Math.ceil((at.getTime() - now.getTime()) / 1000));

export function windowStartOf(now: Date): string {
  return new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** Starts a sync unless one is running (then answers that one); nothing of GitHub is read on the caller's path. */
export async function requestSync(
  tenant: { readonly orgId: string },
  installationId: number,
  queue: SyncQueue = sqsSyncQueue,
  now = new Date(),
): Promise<{ readonly sync: SyncStatus; readonly started: boolean }> {
  const syncId = `sync_${now.getTime()}_${randomBytes(4).toString('hex')}`;
  const begun = await beginSync(tenant, syncId, null, now);
  if (begun.started) await queue.send({ kind: 'organization', orgId: tenant.orgId, syncId, installationId });
  return begun;
}

const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/'));

/** Tells a sync that just finished (the call that finished it sees it idle). */
function reportFinished(status: SyncStatus | undefined, account: string): void {
  if (status?.status !== 'idle' || status.finishedAt === null) return;
  const seconds = (Date.parse(status.finishedAt) - Date.parse(status.startedAt)) / 1000;
  reportSyncProgress({ kind: 'finished', account, repositories: status.repositories.total, requests: status.requests.made, notModified: status.requests.notModified, seconds });
}

/** The listing: the installation's repositories pushed to in the window (one job each), the organization's members, and the sync's total. */
async function listRepositories(message: Extract<GithubSyncMessage, { kind: 'organization' }>, queue: SyncQueue, now: Date): Promise<void> {
  const github = await installationClient(message.installationId);
  const since = windowStartOf(now);
  const { orgId, syncId, installationId } = message;
  const spent = { requests: 0, notModified: 0 };
  const repositories = await listOrganization({ orgId }, github, since, spent, now);
  await queue.sendMany(repositories.map((repo) => ({ kind: 'repository', orgId, syncId, installationId, repo: repo.fullName, pushedAt: repo.pushedAt, since })));
  // After the jobs are queued: a total on the record always has its jobs behind it.
  reportFinished(await syncTotalKnown({ orgId }, syncId, repositories.length, now, spent), repositories[0] ? ownerOf(repositories[0].fullName) : orgId);
}

/**
 * One repository (safe to run twice: the merge and the done-set are
 * idempotent). A spent budget marks the sync waiting and sends the job
 * back, delayed, to run after the reset; before that it does nothing.
 */
async function readRepository(message: SyncRepositoryMessage, queue: SyncQueue, now: Date): Promise<void> {
  const tenant = { orgId: message.orgId };
  if (message.notBefore && Date.parse(message.notBefore) > now.getTime()) {
    await queue.send(message, delayTowards(new Date(message.notBefore), now));
    return;
  }
  const github = await installationClient(message.installationId);
  const started = performance.now();
  try {
    const result = await syncRepository(tenant, github, { fullName: message.repo, pushedAt: message.pushedAt }, message.since, now, { readDeployments: message.readDeployments === true });
    const seconds = (performance.now() - started) / 1000;
    reportSyncProgress({ kind: 'repository', repo: result.repo, requests: result.requests, notModified: result.notModified, slices: result.slicesWritten, deployments: result.deployments, seconds });
    reportFinished(await repositorySynced(tenant, message.syncId, message.repo, result, new Date()), ownerOf(message.repo));
  } catch (error) {
    if (!(error instanceof GithubRateLimitedError)) throw error;
    await syncWaitsForRateLimit(tenant, message.syncId, 0, error.resetAt, now);
    const notBefore = new Date(error.resetAt.getTime() + 1000);
    await queue.send({ ...message, notBefore: notBefore.toISOString() }, delayTowards(notBefore, now));
  }
}

export async function runSyncMessage(message: GithubSyncMessage, queue: SyncQueue = sqsSyncQueue, now = new Date()): Promise<void> {
  if (message.kind === 'organization') await listRepositories(message, queue, now);
  else await readRepository(message, queue, now);
}
