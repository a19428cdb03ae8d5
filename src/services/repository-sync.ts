import { slicesOf, slicesToWrite } from '../domain/sync/activity-slices';
import { deploymentMonthsToWrite, monthsBetween, type DeploymentsRead } from '../domain/sync/deployments';
import { fetchAll, type CallStats, type PageCache } from '../integrations/github/conditional-client';
import type { GithubClient } from '../integrations/github/installation-client';
import { installedRepositories, type InstalledRepository } from '../integrations/github/records';
import { collectRepository } from '../integrations/github/repository-collector';
import { readActivitySlices, writeActivitySlices } from '../repositories/activity-slices';
import { readDeploymentMonths, writeDeploymentMonths } from '../repositories/deployments';
import { repositoryCursor, saveRepositoryCursor } from '../repositories/repository-cursors';

/**
 * The organization sync's two steps, each safe to run again: which
 * repositories to read, and one repository read into stored activity.
 */
type Tenant = { readonly orgId: string };

export interface RepositorySyncResult {
  readonly repo: string;
  readonly requests: number;
  readonly notModified: number;
  readonly slicesWritten: number;
  /** The people (lower-case logins) whose stored activity this read changed. */
  readonly logins: readonly string[];
  /** Deployments GitHub listed, when this read asked for them (else null). */
  readonly deployments: number | null;
}

/** The repositories pushed to since the window began (the others can hold no counted work). */
export function activeRepositories(all: readonly InstalledRepository[], windowStart: string): InstalledRepository[] {
  return all
    .filter((repo) => repo.pushedAt !== null && repo.pushedAt.slice(0, 10) >= windowStart)
    .map((repo) => ({ fullName: repo.fullName, pushedAt: repo.pushedAt }));
}

/** Every repository of the installation, with its owner. */
export function installationRepositories(github: GithubClient, pages: PageCache, stats: CallStats) {
  return fetchAll(github, '/installation/repositories?per_page=100', installedRepositories, pages, stats);
}

/** The installation's active repositories, without the listing's other step (organization-listing.ts). */
export async function repositoriesToSync(github: GithubClient, windowStart: string, pages: PageCache, stats: CallStats): Promise<InstalledRepository[]> {
  return activeRepositories(await installationRepositories(github, pages, stats), windowStart);
}

/** Stores one read of a repository's deployments over the months it covers. */
async function storeDeployments(tenant: Tenant, read: DeploymentsRead, now: Date): Promise<void> {
  const stored = await readDeploymentMonths(tenant, read.repo, monthsBetween(read.from, now.toISOString()));
  await writeDeploymentMonths(tenant, read.repo, deploymentMonthsToWrite(stored, read, now), now);
}

/**
 * Reads what changed in one repository and merges it into the stored
 * slices and deployments, then moves the cursor. The cursor moves last: a run cut off
 * before it reads the same changes again, and merging them twice changes
 * nothing (commits by sha, the rest by number).
 */
export async function syncRepository(
  tenant: Tenant,
  github: GithubClient,
  target: InstalledRepository,
  windowStart: string,
  now: Date,
  options: { readonly readDeployments?: boolean } = {},
): Promise<RepositorySyncResult> {
  const stats: CallStats = { requests: 0, notModified: 0 };
  const cursor = await repositoryCursor(tenant, target.fullName);
  const read = await collectRepository(github, { repo: target.fullName, pushedAt: target.pushedAt, since: windowStart, cursor, stats, now, ...options });
  const fresh = slicesOf(read.activity);
  const stored = fresh.length ? await readActivitySlices(tenant, fresh) : new Map();
  const written = slicesToWrite(stored, fresh, read.reread);
  await writeActivitySlices(tenant, written, now);
  if (read.deployments) await storeDeployments(tenant, read.deployments, now);
  await saveRepositoryCursor(tenant, target.fullName, read.cursor, now);
  return {
    repo: target.fullName, requests: stats.requests, notModified: stats.notModified, slicesWritten: written.length,
    logins: [...new Set(written.map((slice) => slice.login))],
    deployments: read.deployments ? read.deployments.deployments.length : null,
  };
}
