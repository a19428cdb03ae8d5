import { DEPLOYMENT_STATES, type DeploymentRecord, type DeploymentsRead, type DeploymentState } from '../../domain/sync/deployments';
import type { CallStats } from './conditional-client';
import { askRepository, loginOf, type Actor } from './graphql-query';
import type { GithubClient } from './installation-client';

/**
 * A repository's deployments with their latest statuses from GitHub's
 * GraphQL API: a hundred a request, newest first, until one is older than
 * `from`. REST needs one more request per deployment for its statuses.
 * GraphQL spells the states in upper case (`DeploymentStatusState`); they
 * are stored as REST and metrics.md spell them.
 */
const QUERY = `query($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { id databaseId commitOid environment createdAt creator { __typename login } latestStatus { state createdAt } }
    }
  }
}`;

/**
 * Pages one read may take: 2,000 deployments over two windows. A busier
 * repository is read from its newest on, and the read says where it
 * stopped, so nothing older is taken for deleted.
 */
export const MAX_DEPLOYMENT_PAGES = 20;

interface DeploymentNode {
  readonly id: string;
  readonly databaseId: number | null;
  readonly commitOid: string;
  readonly environment: string | null;
  readonly createdAt: string;
  readonly creator: Actor | null;
  readonly latestStatus: { readonly state: string; readonly createdAt: string } | null;
}

interface Answer {
  readonly repository: { readonly deployments: { readonly pageInfo: { hasNextPage: boolean; endCursor: string | null }; readonly nodes: readonly DeploymentNode[] } } | null;
}

function stateOf(value: string): DeploymentState | undefined {
  const state = value.toLowerCase() as DeploymentState;
  return DEPLOYMENT_STATES.includes(state) ? state : undefined;
}

function recordOf(repo: string, node: DeploymentNode): DeploymentRecord {
  const state = node.latestStatus ? stateOf(node.latestStatus.state) : undefined;
  return {
    repo, nodeId: node.id, id: node.databaseId, sha: node.commitOid, environment: node.environment, createdAt: node.createdAt,
    creatorLogin: loginOf(node.creator), latestStatus: state && node.latestStatus ? { state, createdAt: node.latestStatus.createdAt } : null,
  };
}

export async function deploymentsSince(github: GithubClient, repo: string, from: string, stats: CallStats): Promise<DeploymentsRead> {
  const [owner, name] = repo.split('/');
  const deployments: DeploymentRecord[] = [];
  let after: string | null = null;
  for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page += 1) {
    stats.requests += 1;
    const answer: Answer = await askRepository<Answer>(github, QUERY, { owner, name, after });
    const listed = answer.repository?.deployments;
    const nodes = listed?.nodes ?? [];
    deployments.push(...nodes.filter((node) => node.createdAt >= from).map((node) => recordOf(repo, node)));
    const reachedFrom = nodes.some((node) => node.createdAt < from);
    if (reachedFrom || !listed?.pageInfo.hasNextPage) return { repo, from, deployments };
    after = listed.pageInfo.endCursor;
  }
  // Cut short: the read covers only what it reached.
  return { repo, from: deployments.at(-1)?.createdAt ?? from, deployments };
}
