import { graphql } from '@octokit/graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataset, installationToken, startApp, type StartedApp } from './app-fixture';

/**
 * Deployments as the organization sync asks GitHub's GraphQL API for
 * them: newest first, a hundred a page, each with its latest status, in
 * GitHub's own names (`commitOid`, `DeploymentStatusState` in upper case,
 * a bot creator without REST's `[bot]`) and at GitHub's price.
 */
const SYNC_QUERY = `query($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { id databaseId commitOid environment createdAt creator { __typename login } latestStatus { state createdAt } }
    }
  }
  rateLimit { cost }
}`;

const STATES = ['success', 'failure', 'error', 'inactive', 'in_progress', 'queued', 'pending'] as const;
const COUNT = 150;
const at = (index: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + index * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function manyDeployments() {
  const base = appDataset();
  return {
    ...base,
    users: [...base.users, { login: 'github-actions[bot]', name: 'GitHub Actions' }],
    deployments: Array.from({ length: COUNT }, (_, index) => ({
      repo: 'acme/app', id: 20_000 + index, sha: index.toString(16).padStart(40, '0'), environment: index % 2 ? 'production' : 'staging', createdAt: at(index),
      creator: index === COUNT - 1 ? 'github-actions[bot]' : 'ann',
      statuses: index % 10 === 9 ? [] : [{ state: 'in_progress', createdAt: at(index) }, { state: STATES[index % STATES.length], createdAt: at(index + 0.5) }],
    })),
  };
}

interface Node {
  databaseId: number;
  createdAt: string;
  creator: { __typename: string; login: string };
  latestStatus: { state: string; createdAt: string } | null;
}
interface Answer {
  repository: { deployments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } };
  rateLimit: { cost: number };
}

let started: StartedApp | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

async function client() {
  started = await startApp({}, { dataset: manyDeployments() });
  const token = await installationToken(started, 'acme');
  return graphql.defaults({ baseUrl: started.emulator.url, headers: { authorization: `token ${token}` } });
}

describe("GraphQL: the sync's deployments query", () => {
  it('It should page the deployments newest first, a hundred at a time, each once', async () => {
    const ask = await client();

    const first = await ask<Answer>(SYNC_QUERY, { owner: 'acme', name: 'app' });
    const second = await ask<Answer>(SYNC_QUERY, { owner: 'acme', name: 'app', after: first.repository.deployments.pageInfo.endCursor });

    const ids = [...first.repository.deployments.nodes, ...second.repository.deployments.nodes].map((node) => node.databaseId);
    expect(first.repository.deployments.nodes).toHaveLength(100);
    expect(first.repository.deployments.pageInfo.hasNextPage).toBe(true);
    expect(second.repository.deployments.pageInfo.hasNextPage).toBe(false);
    expect(ids).toEqual(Array.from({ length: COUNT }, (_, index) => 20_000 + COUNT - 1 - index));
  });

  it('It should give each deployment its latest status in upper case, and none before any status', async () => {
    const ask = await client();

    const { repository } = await ask<Answer>(SYNC_QUERY, { owner: 'acme', name: 'app' });

    const byId = new Map(repository.deployments.nodes.map((node) => [node.databaseId, node]));
    expect(byId.get(20_000 + 140)?.latestStatus).toEqual({ state: STATES[140 % STATES.length]!.toUpperCase(), createdAt: at(140.5) });
    expect(byId.get(20_000 + 139)?.latestStatus).toBeNull();
    expect(new Set(repository.deployments.nodes.flatMap((node) => (node.latestStatus ? [node.latestStatus.state] : [])))).toEqual(
      new Set(['SUCCESS', 'FAILURE', 'ERROR', 'INACTIVE', 'IN_PROGRESS', 'QUEUED', 'PENDING']),
    );
  });

  it("It should name a bot creator as GraphQL does: a Bot, without REST's [bot] suffix", async () => {
    const ask = await client();

    const { repository } = await ask<Answer>(SYNC_QUERY, { owner: 'acme', name: 'app' });

    expect(repository.deployments.nodes[0]?.creator).toEqual({ __typename: 'Bot', login: 'github-actions' });
    expect(repository.deployments.nodes[1]?.creator).toEqual({ __typename: 'User', login: 'ann' });
  });

  it('It should cost one point a page, as GitHub prices a hundred nodes with no connection inside', async () => {
    const ask = await client();

    const { rateLimit } = await ask<Answer>(SYNC_QUERY, { owner: 'acme', name: 'app' });

    expect(rateLimit.cost).toBe(1);
  });
});
