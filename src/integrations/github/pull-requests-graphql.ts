import type { PullRequestRecord, ReviewRecord } from '../../domain/activity';
import type { CallStats } from './conditional-client';
import { askRepository, loginOf, type Actor } from './graphql-query';
import type { GithubClient } from './installation-client';
import { reviewState } from './records';

/**
 * A repository's pull requests with their sizes and reviews from GitHub's
 * GraphQL API, a hundred per request (REST needs two requests for each
 * pull request), newest update first, until every wanted number is read.
 * Bots are told by `__typename` (graphql-query.ts).
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

export async function pullRequestsByNumber(github: GithubClient, repo: string, wanted: ReadonlySet<number>, stats: CallStats): Promise<GraphqlPull[]> {
  const [owner, name] = repo.split('/');
  const found: GraphqlPull[] = [];
  let after: string | null = null;
  while (found.length < wanted.size) {
    stats.requests += 1;
    const answer: Answer = await askRepository<Answer>(github, QUERY, { owner, name, after });
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
