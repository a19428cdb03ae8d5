import pMap from 'p-map';
import type { Activity, GivenReviewRecord, PullRequestRecord } from '../../domain/activity';
import { fetchAll, fetchPage, type CallStats, type PageCache } from './conditional-client';
import { GithubNotFoundError, GithubUnavailableError } from './errors';
import type { GithubClient } from './installation-client';
import { commitRecords, installationRepositoryNames, pullSize, reviewRecords } from './records';
import { searchHits, type SearchHit } from './search';

/**
 * Where a person's work is counted (metrics.md): the repositories the
 * organization's installation can read, all on the connected account.
 */
export interface RepositoryScope {
  readonly account: string;
  readonly accountType: string;
}

export interface CollectionRequest {
  /** Authenticated as the organization's installation: its budget, its repositories. */
  readonly github: GithubClient;
  readonly login: string;
  readonly scope: RepositoryScope;
  /** Start of the window; rounded down to the day so request URLs (and their ETags) stay stable. */
  readonly since: Date;
  readonly cache: PageCache;
  /** Epoch ms after which the collection gives up, to answer inside API Gateway's 29 s. */
  readonly deadline: number;
}

export interface Collection {
  readonly activity: Activity;
  readonly stats: CallStats;
}

/** Requests in flight at once for one person; GitHub asks integrators not to hammer it. */
const CONCURRENCY = 6;

const day = (date: Date) => date.toISOString().slice(0, 10);
const qualifier = (scope: RepositoryScope) => `${scope.accountType === 'Organization' ? 'org' : 'user'}:${scope.account}`;

async function orEmpty<T>(work: Promise<T[]>): Promise<T[]> {
  try {
    return await work;
  } catch (error) {
    // A missing organization, user or repository has no activity; anything else is a real failure.
    if (error instanceof GithubNotFoundError) return [];
    throw error;
  }
}

/**
 * Fetches what metrics.md needs for one login: commits per repository of
 * the installation, and pull requests, reviews and issues found through the search API
 * (two queries instead of listing every repository's pull requests).
 */
export async function collectActivity(request: CollectionRequest): Promise<Collection> {
  const { github, login, scope, cache, deadline } = request;
  const stats: CallStats = { requests: 0, notModified: 0 };
  const since = day(request.since);
  const guard = () => {
    if (Date.now() > deadline) throw new GithubUnavailableError('Collecting from GitHub took too long');
  };
  const page = <T>(path: string, extract: (body: unknown) => T) => {
    guard();
    return fetchPage(github, path, extract, cache, stats);
  };
  const all = <T>(path: string, extract: (body: unknown) => T[]) => {
    guard();
    return orEmpty(fetchAll(github, path, extract, cache, stats));
  };
  const search = (query: string) => all(`/search/issues?q=${encodeURIComponent(query)}&per_page=100`, searchHits);

  // Two searches per person: GitHub allows 30 a minute, and a team analysis runs one collection per member.
  const [repos, opened, reviewed] = await Promise.all([
    all('/installation/repositories?per_page=100', installationRepositoryNames),
    search(`author:${login} ${qualifier(scope)} created:>=${since}`),
    search(`type:pr reviewed-by:${login} -author:${login} ${qualifier(scope)} updated:>=${since}`),
  ]);
  const authored = opened.filter((hit) => hit.isPullRequest);
  const issueHits = opened.filter((hit) => !hit.isPullRequest);
  const inScope = new Set(repos);

  const commits = (
    await pMap(repos, (repo) => all(`/repos/${repo}/commits?author=${encodeURIComponent(login)}&since=${since}T00:00:00Z&per_page=100`, commitRecords(repo)), {
      concurrency: CONCURRENCY,
    })
  ).flat();

  const pullRequests = await pMap(
    authored.filter((hit) => inScope.has(hit.repo)),
    async (hit): Promise<PullRequestRecord> => {
      const [size, reviews] = await Promise.all([
        page(`/repos/${hit.repo}/pulls/${hit.number}`, pullSize),
        all(`/repos/${hit.repo}/pulls/${hit.number}/reviews?per_page=100`, reviewRecords),
      ]);
      return { ...hit, ...size.data, reviews };
    },
    { concurrency: CONCURRENCY },
  );

  const reviewsGiven = (
    await pMap(
      reviewed.filter((hit) => inScope.has(hit.repo)),
      async (hit: SearchHit): Promise<GivenReviewRecord[]> => {
        const reviews = await all(`/repos/${hit.repo}/pulls/${hit.number}/reviews?per_page=100`, reviewRecords);
        return reviews
          .filter((review) => review.reviewerLogin?.toLowerCase() === login.toLowerCase())
          .map((review) => ({
            repo: hit.repo,
            pullNumber: hit.number,
            pullAuthorLogin: hit.authorLogin,
            state: review.state,
            submittedAt: review.submittedAt,
          }));
      },
      { concurrency: CONCURRENCY },
    )
  ).flat();

  const issues = issueHits
    .filter((hit) => inScope.has(hit.repo))
    .map(({ repo, number, authorLogin, createdAt }) => ({ repo, number, authorLogin, createdAt }));

  return { activity: { login, commits, pullRequests, reviewsGiven, issues }, stats };
}
