import type { PullRequestRecord, ReviewRecord } from '../../domain/activity';
import type { CallStats } from './conditional-client';
import { GithubRateLimitedError, GithubUnavailableError } from './errors';
import { reviewState } from './records';
import type { GithubClient } from './installation-client';

/**
 * A repository's pull requests with their sizes and reviews from GitHub's
 * GraphQL API, a hundred per request (REST needs two requests for each
 * pull request), newest update first, until every wanted number is read.
 * GraphQL names a bot without REST's `[bot]` suffix; `__typename` tells,
 * and the suffix is put back so the metrics' bot rule holds.
 */
const QUERY = `query($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 100, after: $after, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number createdAt updatedAt mergedAt closedAt additions deletions changedFiles
        author { __typename login }
        reviews(first: 100) { pageInfo { hasNextPage } nodes { state submittedAt author { __typename login } } }
      }
    }
  }
}`;

interface Actor {
  readonly __typename: string;
  readonly login: string;
}

interface PullNode {
  readonly number: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly mergedAt: string | null;
  readonly closedAt: string | null;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly author: Actor | null;
  readonly reviews: { readonly pageInfo: { readonly hasNextPage: boolean }; readonly nodes: readonly { state: string; submittedAt: string | null; author: Actor | null }[] };
}

interface Answer {
  readonly repository: { readonly pullRequests: { readonly pageInfo: { hasNextPage: boolean; endCursor: string | null }; readonly nodes: readonly PullNode[] } } | null;
}

const loginOf = (actor: Actor | null): string | null => (actor ? (actor.__typename === 'Bot' ? `${actor.login}[bot]` : actor.login) : null);

function reviewsOf(node: PullNode): ReviewRecord[] {
  return node.reviews.nodes.flatMap((review) => {
    const state = reviewState(review.state);
    return state ? [{ reviewerLogin: loginOf(review.author), state, submittedAt: review.submittedAt }] : [];
  });
}

export interface GraphqlPull {
  readonly pull: PullRequestRecord;
  /** More than a hundred reviews: the caller reads the rest another way. */
  readonly moreReviews: boolean;
}

/** GitHub's GraphQL failures as the sync tells them apart: a repository gone is empty, a spent budget waits for its reset. */
async function ask(github: GithubClient, variables: Record<string, unknown>): Promise<Answer> {
  try {
    return await github.graphql<Answer>(QUERY, variables);
  } catch (error) {
    const failure = error as { errors?: { type?: string }[]; headers?: Record<string, string>; response?: { headers?: Record<string, string> } };
    const types = (failure.errors ?? []).map((entry) => entry.type);
    if (types.includes('NOT_FOUND')) return { repository: null };
    if (types.includes('RATE_LIMITED')) {
      const reset = Number((failure.headers ?? failure.response?.headers)?.['x-ratelimit-reset']);
      throw new GithubRateLimitedError(new Date(Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000), { cause: error });
    }
    throw new GithubUnavailableError('GitHub\'s GraphQL API failed', { cause: error });
  }
}

export async function pullRequestsByNumber(github: GithubClient, repo: string, wanted: ReadonlySet<number>, stats: CallStats): Promise<GraphqlPull[]> {
  const [owner, name] = repo.split('/');
  const found: GraphqlPull[] = [];
  let after: string | null = null;
  while (found.length < wanted.size) {
    stats.requests += 1;
    const answer: Answer = await ask(github, { owner, name, after });
    const page = answer.repository?.pullRequests;
    for (const node of page?.nodes ?? []) {
      if (!wanted.has(node.number)) continue;
      found.push({
        pull: {
          repo, number: node.number, authorLogin: loginOf(node.author), createdAt: node.createdAt, mergedAt: node.mergedAt, closedAt: node.closedAt,
          additions: node.additions, deletions: node.deletions, changedFiles: node.changedFiles, reviews: reviewsOf(node),
        },
        moreReviews: node.reviews.pageInfo.hasNextPage,
      });
    }
    if (!page?.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return found;
}
