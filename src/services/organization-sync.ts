import { randomBytes } from 'node:crypto';
import { windowStartOf } from '../domain/analysis/window';
import { config } from '../config';
import { GithubInstallationGoneError, GithubRateLimitedError, GithubUnavailableError } from '../integrations/github/errors';
import { installationClient } from '../integrations/github/installation-client';
import { enqueue, enqueueMany } from '../integrations/queue';
import { unscheduleOrganization } from '../integrations/schedules';
import { job } from '../jobs';
import { connectionOf } from '../repositories/github-connections';
import { beginSync, repositoryFailed, repositorySynced, syncFailed, syncTotalKnown, syncWaitsForRateLimit, type SyncStatus } from '../repositories/sync-status';
import type { GithubSyncMessage, RecomputeAnalysesMessage, ScheduledSyncMessage, SyncRepositoryMessage } from '../schemas/sync';
import { disconnectEndedInstallation } from './github-installation-events';
import { modelProse } from './model-prose';
import { listOrganization } from './organization-listing';
import { OUTSIDE_SYNC, queueRepositoryReads } from './repository-reads';
import { syncRepository } from './repository-sync';
import { analysedLogins, recomputeMembersAnalyses } from './stored-analysis';
import { reportSyncProgress } from './sync-progress';
import { recomputeTeamFlow } from './team-flow';

/** People per recomputation message: each is a Query (and, with a model, a prose request), well inside the job's timeout. */
const RECOMPUTE_BATCH = 20;

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

/**
 * Starts a sync unless one is running (then answers that one), or in place
 * of the dead sync `replacing` names; nothing of GitHub is read on the
 * caller's path.
 */
export async function requestSync(
  tenant: { readonly orgId: string },
  installationId: number,
  queue: SyncQueue = sqsSyncQueue,
  now = new Date(),
  replacing?: string,
): Promise<{ readonly sync: SyncStatus; readonly started: boolean }> {
  const syncId = `sync_${now.getTime()}_${randomBytes(4).toString('hex')}`;
  const begun = await beginSync(tenant, syncId, null, now, replacing);
  if (begun.started) await queue.send({ kind: 'organization', orgId: tenant.orgId, syncId, installationId });
  return begun;
}

/** The listing: the installation's repositories pushed to in the window (one job each), the organization's members, and the sync's total. */
async function listRepositories(message: Extract<GithubSyncMessage, { kind: 'organization' }>, queue: SyncQueue, now: Date): Promise<void> {
  const github = await installationClient(message.installationId);
  const since = windowStartOf(now);
  const { orgId, syncId, installationId } = message;
  const spent = { requests: 0, notModified: 0 };
  const repositories = await listOrganization({ orgId }, github, installationId, since, spent, now);
  await queue.sendMany(repositories.map((repo) => ({ kind: 'repository', orgId, syncId, installationId, repo: repo.fullName, pushedAt: repo.pushedAt, since })));
  // After the jobs are queued: a total on the record always has its jobs behind it.
  const after = await syncTotalKnown({ orgId }, syncId, repositories.length, now, spent);
  if (after) await afterProgress(orgId, syncId, after, queue, repositories[0]?.fullName);
}

/**
 * When this step was the sync's last: one line says so, and everyone's
 * analyses and the team's flow are recomputed on the queue, off any read.
 */
async function afterProgress(orgId: string, syncId: string, status: SyncStatus, queue: SyncQueue, repo?: string): Promise<void> {
  const ended = status.status === 'idle' || status.status === 'failed';
  if (status.syncId !== syncId || !ended || !status.finishedAt) return;
  const seconds = (Date.parse(status.finishedAt) - Date.parse(status.startedAt)) / 1000;
  // The GitHub account, as the repository lines name it.
  const account = repo ? repo.slice(0, repo.indexOf('/')) : orgId;
  reportSyncProgress({ kind: 'finished', account, repositories: status.repositories.total, requests: status.requests.made, notModified: status.requests.notModified, seconds });
  await queue.sendMany([{ kind: 'analyses', orgId }, { kind: 'flow', orgId }]);
}

/**
 * One repository (safe to run twice: the merge and the done-set are
 * idempotent). The read that finishes a sync queues the recomputation of
 * everyone's analyses; a read outside any sync (a webhook's, a refresh's)
 * recomputes the people whose activity it changed.
 */
async function readRepository(message: SyncRepositoryMessage, queue: SyncQueue, now: Date): Promise<void> {
  const tenant = { orgId: message.orgId };
  const github = await installationClient(message.installationId);
  const started = performance.now();
  const result = await syncRepository(tenant, github, { fullName: message.repo, pushedAt: message.pushedAt }, message.since, now, { readDeployments: message.readDeployments === true });
  const seconds = (performance.now() - started) / 1000;
  reportSyncProgress({ kind: 'repository', repo: result.repo, requests: result.requests, notModified: result.notModified, slices: result.slicesWritten, deployments: result.deployments, seconds });
  const after = await repositorySynced(tenant, message.syncId, message.repo, result, new Date());
  if (after) await afterProgress(message.orgId, message.syncId, after, queue, message.repo);
  else if (message.syncId === OUTSIDE_SYNC) {
    if (result.logins.length > 0) await recomputeMembersAnalyses(tenant, result.logins, new Date(), { prose: modelProse, syncedAt: now.toISOString() });
    // A webhook's read may have brought a pull request or a deployment: the team's flow counts it.
    if (result.slicesWritten > 0 || result.deployments !== null) await queue.send({ kind: 'flow', orgId: message.orgId });
  }
}

type GithubStep = Extract<GithubSyncMessage, { kind: 'organization' | 'repository' }>;

/** Retries of a step GitHub failed, after the client's own retry (plugin-retry); then that repository is given up. */
const MAX_RETRIES = 3;

/**
 * A step that asks GitHub. A spent budget marks the sync waiting and sends
 * the step back, delayed, to run after the reset (in hops of at most 15
 * minutes, SQS's longest delay); a step that comes back early only waits
 * again. GitHub failing (5xx, timeouts) sends it back after a growing
 * delay, and after MAX_RETRIES the sync covers that repository as failed
 * (or, for the listing, fails). Nothing is lost, nothing stormed.
 */
async function githubStep(message: GithubStep, queue: SyncQueue, now: Date, step: () => Promise<void>): Promise<void> {
  if (message.notBefore && Date.parse(message.notBefore) > now.getTime()) {
    await queue.send(message, delayTowards(new Date(message.notBefore), now));
    return;
  }
  try {
    await step();
  } catch (error) {
    if (error instanceof GithubRateLimitedError) {
      await syncWaitsForRateLimit({ orgId: message.orgId }, message.syncId, 0, error.resetAt, now);
      const notBefore = new Date(error.resetAt.getTime() + 1000);
      await queue.send({ ...message, notBefore: notBefore.toISOString() }, delayTowards(notBefore, now));
      return;
    }
    if (!(error instanceof GithubUnavailableError)) throw error;
    const attempt = (message.attempt ?? 0) + 1;
    if (attempt <= MAX_RETRIES) await queue.send({ ...message, attempt }, config().syncRetryDelaySeconds * 2 ** (attempt - 1));
    else await giveUp(message, queue, now);
  }
}

async function giveUp(message: GithubStep, queue: SyncQueue, now: Date): Promise<void> {
  const tenant = { orgId: message.orgId };
  if (message.kind === 'organization') {
    await syncFailed(tenant, message.syncId, "GitHub kept failing to list the installation's repositories", now);
    return;
  }
  const after = await repositoryFailed(tenant, message.syncId, message.repo, `GitHub kept failing to answer for ${message.repo}; the rest was read`, now);
  if (after) await afterProgress(message.orgId, message.syncId, after, queue, message.repo);
}

/** Recomputes the analyses the message names, or splits everyone's into messages of RECOMPUTE_BATCH. */
async function recompute(message: RecomputeAnalysesMessage, queue: SyncQueue, now: Date): Promise<void> {
  const tenant = { orgId: message.orgId };
  if (message.logins) {
    // The model writes each person's prose here, off any request's path, when one is configured.
    await recomputeMembersAnalyses(tenant, message.logins, now, { prose: modelProse, syncedAt: message.syncedAt });
    return;
  }
  const logins = await analysedLogins(tenant);
  const batches: GithubSyncMessage[] = [];
  for (let start = 0; start < logins.length; start += RECOMPUTE_BATCH) {
    batches.push({ kind: 'analyses', orgId: message.orgId, logins: logins.slice(start, start + RECOMPUTE_BATCH) });
  }
  await queue.sendMany(batches);
}

/**
 * The daily schedule fired: a sync is asked for as POST /sync would, so one
 * already running absorbs it. An organization no longer connected (its
 * schedule outlived a disconnect) gets none, and its schedule is removed.
 */
async function syncOnSchedule(message: ScheduledSyncMessage, queue: SyncQueue, now: Date): Promise<void> {
  // Not a caller's context: the schedule acts for the organization, as an admin's POST /sync would.
  const bySchedule = { orgId: message.orgId, userId: 'schedule', role: 'admin' } as const;
  const connection = await connectionOf(bySchedule);
  if (!connection) {
    await unscheduleOrganization(job('github-sync'), message.orgId);
    return;
  }
  await requestSync(bySchedule, connection.installationId, queue, now);
}

export async function runSyncMessage(message: GithubSyncMessage, queue: SyncQueue = sqsSyncQueue, now = new Date()): Promise<void> {
  if (message.kind === 'scheduled') return syncOnSchedule(message, queue, now);
  // Disconnected (or connected to another installation) since the message was queued: syncing stopped.
  if (message.kind === 'flow') return void (await recomputeTeamFlow({ orgId: message.orgId }, now));
  if (message.kind !== 'analyses' && (await connectionOf({ orgId: message.orgId }))?.installationId !== message.installationId) return;
  try {
    if (message.kind === 'organization') await githubStep(message, queue, now, () => listRepositories(message, queue, now));
    else if (message.kind === 'repository') await githubStep(message, queue, now, () => readRepository(message, queue, now));
    else if (message.kind === 'repositories') await queueRepositoryReads(message, queue, now);
    else await recompute(message, queue, now);
  } catch (error) {
    if (!(error instanceof GithubInstallationGoneError)) throw error;
    // Uninstalled on GitHub without the webhook reaching us: the organization is disconnected, and its sync ends.
    await disconnectEndedInstallation(message.orgId, error.installationId, now);
  }
}
