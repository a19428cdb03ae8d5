import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { GithubRateLimitedError } from '../integrations/github/errors';
import { installationClient } from '../integrations/github/installation-client';
import { beginSync, repositorySynced, syncWaitsForRateLimit, type SyncStatus } from '../repositories/sync-status';
import { repositoriesToSync, syncRepository } from './repository-sync';

/**
 * The organization sync as background work: starting one lists the
 * installation's active repositories and hands one job per repository to
 * the queue; each job reads its repository and counts it done. The queue
 * is passed in (`enqueue`), so the same code runs on SQS and locally.
 */
/** One repository's job, as it travels on the queue. */
export const RepositorySyncJob = z.object({
  orgId: z.string().min(1),
  syncId: z.string().min(1),
  installationId: z.number().int().positive(),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  pushedAt: z.string().nullable(),
  /** First day of the window (`YYYY-MM-DD`), fixed for the whole sync so every job reads the same window. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type RepositorySyncJob = z.infer<typeof RepositorySyncJob>;

export type EnqueueRepositoryJobs = (jobs: readonly RepositorySyncJob[]) => Promise<void>;

/** The job could not run now: GitHub's budget for the installation is spent until `resetAt`; the queue brings it back then. */
export class RetryAtError extends Error {
  constructor(readonly resetAt: Date, options?: ErrorOptions) {
    super(`GitHub's budget is spent until ${resetAt.toISOString()}`, options);
    this.name = 'RetryAtError';
  }
}

export function windowStartOf(now: Date): string {
  return new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Starts a sync unless one is running (then answers that one). The
 * repository list is read before the sync record is written, so a sync
 * that exists always knows its total.
 */
export async function startOrganizationSync(
  tenant: { readonly orgId: string },
  installationId: number,
  enqueue: EnqueueRepositoryJobs,
  now = new Date(),
): Promise<{ readonly sync: SyncStatus; readonly started: boolean }> {
  const github = await installationClient(installationId);
  const since = windowStartOf(now);
  const repositories = await repositoriesToSync(github, since, {}, { requests: 0, notModified: 0 });
  const syncId = `sync_${now.getTime()}_${randomBytes(4).toString('hex')}`;
  const begun = await beginSync(tenant, syncId, repositories.length, now);
  if (begun.started && repositories.length > 0) {
    await enqueue(repositories.map((repo) => ({ orgId: tenant.orgId, syncId, installationId, repo: repo.fullName, pushedAt: repo.pushedAt, since })));
  }
  return begun;
}

/**
 * One repository of a sync. Safe to run twice (the merge and the done-set
 * are idempotent). A spent budget marks the sync as waiting and throws
 * RetryAtError for the queue to bring the job back after the reset.
 */
export async function runRepositorySyncJob(job: RepositorySyncJob, now = new Date()): Promise<SyncStatus | undefined> {
  const tenant = { orgId: job.orgId };
  const github = await installationClient(job.installationId);
  try {
    const result = await syncRepository(tenant, github, { fullName: job.repo, pushedAt: job.pushedAt }, job.since, now);
    return await repositorySynced(tenant, job.syncId, job.repo, result, new Date());
  } catch (error) {
    if (!(error instanceof GithubRateLimitedError)) throw error;
    await syncWaitsForRateLimit(tenant, job.syncId, 0, error.resetAt, now);
    throw new RetryAtError(error.resetAt, { cause: error });
  }
}
