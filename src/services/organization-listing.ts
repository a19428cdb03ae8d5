import { logger } from '../http/logger';
import { fetchAll, readWithStoredPages, type CallStats } from '../integrations/github/conditional-client';
import { GithubRateLimitedError } from '../integrations/github/errors';
import type { GithubClient } from '../integrations/github/installation-client';
import { memberLogins, type InstalledRepository } from '../integrations/github/records';
import { githubMembersPages, saveGithubMembers } from '../repositories/github-members';
import { repositoryListPages, saveRepositoryListPages } from '../repositories/github-repository-list';
import { activeRepositories, installationRepositories } from './repository-sync';

/**
 * The sync's listing step: the installation's repositories pushed to in
 * the window, and, for an organization's installation, its members (kept
 * for mapping invitations to logins). A user account has no members to
 * list. Both lists' pages are asked for with their ETags, so an unchanged
 * organization costs a free 304 a page and no write. Members are not what
 * the sync is for: GitHub refusing them (an installation that has not
 * accepted the members permission yet) leaves the last list and the sync
 * goes on; only a spent budget stops it, to wait for the reset.
 */
type Tenant = { readonly orgId: string };

async function syncMembers(tenant: Tenant, github: GithubClient, account: string, stats: CallStats, now: Date): Promise<void> {
  const stored = await githubMembersPages(tenant, account);
  const read = await readWithStoredPages(stored, stats, (pages, spent) => fetchAll(github, `/orgs/${account}/members?per_page=100`, memberLogins, pages, spent));
  if (read.changed) await saveGithubMembers(tenant, account, { logins: read.value, pages: read.pages }, now);
}

/** The installation's repositories, asked for with the ETags of the last listing; stored again only when a page changed. */
async function listRepositories(tenant: Tenant, github: GithubClient, installationId: number, stats: CallStats, now: Date) {
  const stored = await repositoryListPages(tenant, installationId);
  const read = await readWithStoredPages(stored, stats, (pages, spent) => installationRepositories(github, pages, spent));
  if (read.changed) await saveRepositoryListPages(tenant, installationId, read.pages, now);
  return read.value;
}

export async function listOrganization(
  tenant: Tenant,
  github: GithubClient,
  installationId: number,
  windowStart: string,
  stats: CallStats,
  now: Date,
): Promise<InstalledRepository[]> {
  const all = await listRepositories(tenant, github, installationId, stats, now);
  const account = all.find((repo) => repo.owner)?.owner;
  if (account?.type === 'Organization') {
    await syncMembers(tenant, github, account.login, stats, now).catch((error: unknown) => {
      if (error instanceof GithubRateLimitedError) throw error;
      logger.warn('The sync could not list the GitHub organization\'s members; keeping the last list', { account: account.login, error });
    });
  }
  return activeRepositories(all, windowStart);
}
