import pMap from 'p-map';
import type { IssueRecord, PullRequestRecord } from '../../domain/activity';
import type { RepositoryActivity } from '../../domain/sync/activity-slices';
import { deploymentsReadFrom, type DeploymentsRead } from '../../domain/sync/deployments';
import { fetchAll, pagesInUse, type CallStats, type PageCache } from './conditional-client';
import { deploymentsSince } from './deployments-graphql';
import { GithubNotFoundError } from './errors';
import type { GithubClient } from './installation-client';
import { pullRequestsByNumber } from './pull-requests-graphql';
import { commitRecords, issueListItems, repositoryPushedAt, reviewRecords } from './records';

/**
 * Reads one repository for the organization sync: every author's commits
 * of the window, and the issues and pull requests that changed since the
 * last sync, two windows back (pull requests with sizes and reviews from
 * GraphQL, a hundred a request). No Search API, no per-member requests. What the last sync saw
 * (`RepositoryCursor`) makes a later one cheap: commits are listed again
 * only when GitHub's `pushed_at` moved (and then from shortly before the
 * last listing, the whole window once a week), and the issues list (which holds
 * pull requests too, newest update first) is asked for with its ETag, so
 * an unchanged repository costs one 304. Deployments with their latest
 * statuses (GraphQL, which has no ETags) are read with the commits, on the
 * repository's first read, and when a deployment webhook asks.
 */
export interface RepositoryCursor {
  /** The repository's `pushed_at` when its commits were last listed. */
  readonly pushedAt: string | null;
  /** `updated_at` of each issue and pull request seen, by number: what changed is what differs. */
  readonly updatedAt: Readonly<Record<string, string>>;
  /** ETags and extracted records of every page asked for (conditional-client.ts). */
  readonly pages: PageCache;
  /** Where the last read of deployments started; absent before the first (cursors older than deployments have none). */
  readonly deploymentsFrom?: string;
  /** When commits were last listed, and when last for the whole window (see commitsFrom). */
  readonly commitsListedAt?: string;
  readonly fullCommitListingAt?: string;
}

export const EMPTY_CURSOR: RepositoryCursor = { pushedAt: null, updatedAt: {}, pages: {} };

export interface RepositoryRead {
  readonly activity: RepositoryActivity;
  /** Pull requests read again in full (their reviews replace what was stored). */
  readonly reread: ReadonlySet<number>;
  /** The deployments of two windows, when this read asked for them. */
  readonly deployments?: DeploymentsRead;
  readonly cursor: RepositoryCursor;
}

/** Requests in flight at once for one repository's pull requests. */
const CONCURRENCY = 4;

const DAY_MS = 86_400_000;
/** The window's commits are all listed again at least this often (catching commits merged in with old dates)... */
const FULL_COMMIT_LISTING_MS = 7 * DAY_MS;
/** ...and in between, only those dated after the last listing less this much (GitHub's `since` is the commit's date, not its push). */
const COMMIT_LISTING_OVERLAP_MS = 3 * DAY_MS;

/**
 * Where a listing of the repository's commits starts: the window's first
 * day for a first or a weekly full listing, else shortly before the last
 * listing. A busy repository's push then costs a page or two, not the
 * whole window again; merging commits by sha makes the overlap harmless.
 */
function commitsFrom(cursor: RepositoryCursor, since: string, now: Date): { readonly from: string; readonly full: boolean } {
  const windowStart = `${since}T00:00:00Z`;
  const full = !cursor.commitsListedAt || !cursor.fullCommitListingAt || now.getTime() - Date.parse(cursor.fullCommitListingAt) >= FULL_COMMIT_LISTING_MS;
  if (full) return { from: windowStart, full: true };
  const recent = new Date(Date.parse(cursor.commitsListedAt ?? windowStart) - COMMIT_LISTING_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { from: recent > windowStart ? recent : windowStart, full: false };
}

const withDeploymentsFrom = (from: string | undefined) => (from === undefined ? {} : { deploymentsFrom: from });

/**
 * Promise.all that waits for every request before it throws the first
 * failure: a job that met a spent budget leaves no request of its own still
 * running (and spending) after it has handed itself back to the queue.
 */
async function allSettledOrThrow<T extends readonly unknown[]>(work: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The cursor's listing times after this read (`listing`: the commits were listed now, in full or not). */
function listedAt(cursor: RepositoryCursor, listing: { readonly at: string; readonly full: boolean } | undefined) {
  const commitsListedAt = listing?.at ?? cursor.commitsListedAt;
  const fullCommitListingAt = listing?.full ? listing.at : cursor.fullCommitListingAt;
  return { ...(commitsListedAt ? { commitsListedAt } : {}), ...(fullCommitListingAt ? { fullCommitListingAt } : {}) };
}

export async function collectRepository(
  github: GithubClient,
  request: {
    readonly repo: string;
    readonly pushedAt: string | null;
    readonly since: string;
    readonly cursor: RepositoryCursor;
    readonly stats: CallStats;
    /** A deployment or its status changed (a webhook said so): read them even if nothing was pushed. */
    readonly readDeployments?: boolean;
    readonly now?: Date;
  },
): Promise<RepositoryRead> {
  const { repo, since, stats } = request;
  const now = request.now ?? new Date();
  const pages = pagesInUse(request.cursor.pages);
  const listAll = async <T>(path: string, extract: (body: unknown) => T[]) => {
    try {
      return await fetchAll(github, path, extract, pages, stats);
    } catch (error) {
      // An empty repository answers 409 for its commits; a repository gone since the list, 404: nothing to read.
      if (error instanceof GithubNotFoundError) return [];
      throw error;
    }
  };

  // A read outside a sync (a webhook's, a refresh's) does not know `pushed_at`: the repository tells, with its ETag.
  const pushedAt = request.pushedAt ?? (await listAll(`/repos/${repo}`, repositoryPushedAt))[0] ?? null;
  const commitsMoved = pushedAt === null || pushedAt !== request.cursor.pushedAt;
  const listing = commitsFrom(request.cursor, since, now);
  const deploymentsDue = commitsMoved || request.readDeployments === true || request.cursor.deploymentsFrom === undefined;
  // Two windows back, as deployments are: the team's flow compares the window with the one before (metrics.md `flow.previous`),
  // and a pull request merged then was updated then. The person metrics apply their own window to what this stores.
  const flowFrom = deploymentsReadFrom(since);
  const [commits, listed, deployments] = await allSettledOrThrow([
    commitsMoved ? listAll(`/repos/${repo}/commits?since=${listing.from}&per_page=100`, commitRecords(repo)) : Promise.resolve([]),
    listAll(`/repos/${repo}/issues?state=all&sort=updated&direction=desc&since=${flowFrom}&per_page=100`, issueListItems),
    deploymentsDue ? deploymentsSince(github, repo, flowFrom, stats) : Promise.resolve(undefined),
  ]);
  const changed = listed.filter((item) => request.cursor.updatedAt[String(item.number)] !== item.updatedAt);

  const wanted = new Set(changed.filter((item) => item.isPullRequest).map((item) => item.number));
  const read = wanted.size ? await pullRequestsByNumber(github, repo, wanted, stats) : [];
  // A pull request with more than a hundred reviews: the rest from REST, all of them.
  const pullRequests: PullRequestRecord[] = await pMap(
    read,
    async ({ pull, moreReviews }) => (moreReviews ? { ...pull, reviews: await listAll(`/repos/${repo}/pulls/${pull.number}/reviews?per_page=100`, reviewRecords) } : pull),
    { concurrency: CONCURRENCY },
  );
  const issues: IssueRecord[] = changed
    .filter((item) => !item.isPullRequest)
    .map((item) => ({ repo, number: item.number, authorLogin: item.authorLogin, createdAt: item.createdAt }));

  // The list is every item updated inside the two windows: what it no longer holds has left them.
  const updatedAt = Object.fromEntries(listed.map((item) => [String(item.number), item.updatedAt]));
  return {
    activity: { repo, commits, pullRequests, issues },
    reread: new Set(pullRequests.map((pull) => pull.number)),
    ...(deployments ? { deployments } : {}),
    cursor: {
      pushedAt,
      updatedAt,
      pages: { ...pages },
      ...withDeploymentsFrom(deployments?.from ?? request.cursor.deploymentsFrom),
      ...listedAt(request.cursor, commitsMoved ? { at: now.toISOString(), full: listing.full } : undefined),
    },
  };
}
