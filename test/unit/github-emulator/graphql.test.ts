import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SLUG, installationToken, startApp, type StartedApp } from './app-fixture';
import { deploymentsDataset } from './deployments-fixture';

/** `POST /graphql` through @octokit/graphql, as the product's organization-wide sync will call it, with an installation token. */
let started: StartedApp | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

async function acme(options: Parameters<typeof startApp>[1] = {}) {
  started = await startApp({}, options);
  const token = await installationToken(started, 'acme');
  const client = graphql.defaults({ baseUrl: started.emulator.url, headers: { authorization: `token ${token}` } });
  return { app: started, token, client };
}

/** What @octokit/graphql throws for an answer with `errors`: its errors and data, for the assertion. */
async function refusal(pending: Promise<unknown>): Promise<GraphqlResponseError<unknown>> {
  const error = await pending.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof GraphqlResponseError)) throw new Error(`expected GitHub's GraphQL errors, got ${String(error)}`);
  return error;
}

function post(app: StartedApp, query: string, token?: string, path = '/graphql'): Promise<Response> {
  return fetch(`${app.emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `token ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
}

const PULLS = `query ($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 2, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { number title state createdAt mergedAt closedAt author { login } reviews(first: 100) { nodes { author { login } state submittedAt } } }
    }
  }
}`;

interface PullPage {
  repository: {
    pullRequests: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { number: number; title: string; state: string; createdAt: string; mergedAt: string | null; closedAt: string | null; author: { login: string }; reviews: { nodes: { author: { login: string }; state: string; submittedAt: string }[] } }[];
    };
  };
}

describe('GraphQL: data', () => {
  it('It should page all pull requests of a repository with their reviews as the REST API lists them', async () => {
    const { app, token, client } = await acme();
    const pulls: PullPage['repository']['pullRequests']['nodes'] = [];
    let after: string | null = null;
    do {
      const page: PullPage = await client<PullPage>(PULLS, { owner: 'acme', name: 'app', after });
      pulls.push(...page.repository.pullRequests.nodes);
      after = page.repository.pullRequests.pageInfo.hasNextPage ? page.repository.pullRequests.pageInfo.endCursor : null;
    } while (after);

    const rest = app.octokit(token);
    const listed = (await rest.rest.pulls.list({ owner: 'acme', repo: 'app', state: 'all', direction: 'asc' })).data;
    const expected = await Promise.all(listed.map(async (pull) => ({
      number: pull.number, title: pull.title, state: pull.merged_at ? 'MERGED' : pull.state.toUpperCase(), createdAt: pull.created_at,
      mergedAt: pull.merged_at, closedAt: pull.closed_at,
      // GraphQL names a bot without REST's `[bot]`.
      author: { login: pull.user?.login.replace(/\[bot\]$/, '') },
      reviews: { nodes: (await rest.rest.pulls.listReviews({ owner: 'acme', repo: 'app', pull_number: pull.number })).data.map((review) => ({ author: { login: review.user?.login }, state: review.state, submittedAt: review.submitted_at })) },
    })));
    expect(pulls).toEqual(expected);
  });

  it('It should list only the commits at or after `since` in a history, as the REST API does', async () => {
    const { app, token, client } = await acme();
    const since = '2025-03-01T00:00:00Z';

    const answer = await client<{ repository: { defaultBranchRef: { target: { history: { totalCount: number; nodes: { oid: string }[] } } } } }>(
      `query ($since: GitTimestamp) { repository(owner: "acme", name: "app") { defaultBranchRef { target { ... on Commit { history(first: 100, since: $since) { totalCount nodes { oid } } } } } } }`,
      { since },
    );

    const rest = (await app.octokit(token).rest.repos.listCommits({ owner: 'acme', repo: 'app', since, per_page: 100 })).data.map((commit) => commit.sha);
    expect(answer.repository.defaultBranchRef.target.history.nodes.map((commit) => commit.oid)).toEqual(rest);
    expect(answer.repository.defaultBranchRef.target.history.totalCount).toBe(rest.length);
  });
});

const DEPLOYMENTS = `{ repository(owner: "acme", name: "app") { deployments(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) { nodes {
  databaseId createdAt environment commitOid creator { login } statuses(first: 10) { nodes { state createdAt } } latestStatus { state createdAt }
} } } }`;

interface DeploymentNode { databaseId: number; statuses: { nodes: { state: string; createdAt: string }[] } }

describe('GraphQL: deployments', () => {
  it('It should list a repository\'s deployments with their statuses as the REST API does', async () => {
    const { app, token, client } = await acme({ dataset: deploymentsDataset() });

    const answer = await client<{ repository: { deployments: { nodes: DeploymentNode[] } } }>(DEPLOYMENTS);

    const rest = app.octokit(token).rest.repos;
    const listed = (await rest.listDeployments({ owner: 'acme', repo: 'app' })).data;
    const expected = await Promise.all(listed.map(async (deployment) => {
      const statuses = (await rest.listDeploymentStatuses({ owner: 'acme', repo: 'app', deployment_id: deployment.id })).data
        .map((status) => ({ state: status.state.toUpperCase(), createdAt: status.created_at }));
      return {
        databaseId: deployment.id, createdAt: deployment.created_at, environment: deployment.environment, commitOid: deployment.sha,
        creator: { login: deployment.creator?.login }, statuses: { nodes: statuses }, latestStatus: statuses[0] ?? null,
      };
    }));
    expect(answer.repository.deployments.nodes).toEqual(expected);
  });
});

describe('GraphQL: who sees what', () => {
  it('It should find a pull request by the node_id the REST API gives it', async () => {
    const { app, token, client } = await acme();
    const { data: pull } = await app.octokit(token).rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 1 });

    const answer = await client<{ node: { number: number } }>('query ($id: ID!) { node(id: $id) { ... on PullRequest { number } } }', { id: pull.node_id });

    expect(answer.node).toEqual({ number: 1 });
  });

  it('It should name an installation\'s viewer after its app\'s bot', async () => {
    const { client } = await acme();

    expect(await client('{ viewer { login } }')).toEqual({ viewer: { login: `${APP_SLUG}[bot]` } });
  });

  it('It should read a private repository of the token\'s installation', async () => {
    const { client } = await acme();

    const answer = await client<{ repository: { nameWithOwner: string; isPrivate: boolean } }>('{ repository(owner: "acme", name: "app") { nameWithOwner isPrivate } }');

    expect(answer.repository).toEqual({ nameWithOwner: 'acme/app', isPrivate: true });
  });

  it('It should answer NOT_FOUND and a null repository for a private repository of another installation', async () => {
    const { client } = await acme();

    const error = await refusal(client('{ repository(owner: "globex", name: "vault") { name } }'));

    expect(error.data).toEqual({ repository: null });
    expect(error.errors).toEqual([{ type: 'NOT_FOUND', path: ['repository'], locations: [{ line: 1, column: 3 }], message: "Could not resolve to a Repository with the name 'globex/vault'." }]);
  });

  it('It should refuse a token GitHub never issued with 401 Bad credentials', async () => {
    started = await startApp();

    const response = await post(started, '{ rateLimit { remaining } }', 'ghs_unknown');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('It should refuse a request without a token with 401', async () => {
    started = await startApp();

    const response = await post(started, '{ rateLimit { remaining } }');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'This endpoint requires you to be authenticated.' });
  });
});

const COSTLY = `{
  rateLimit { limit cost remaining used resetAt nodeCount }
  repository(owner: "acme", name: "app") {
    pullRequests(first: 100) { nodes { reviews(first: 100) { nodes { state } } } }
    issues(first: 100) { nodes { labels(first: 100) { nodes { name } } } }
  }
}`;

describe('GraphQL: rate limits', () => {
  it('It should charge the documented cost and tell the same numbers in rateLimit as in its x-ratelimit-* headers', async () => {
    const { app, token } = await acme();

    const response = await post(app, COSTLY, token);
    const { data } = (await response.json()) as { data: { rateLimit: Record<string, number | string> } };

    // 1 + 100 + 1 + 100 requests: 202 / 100, rounded.
    expect(data.rateLimit).toMatchObject({ cost: 2, nodeCount: 20_200, limit: 5000, remaining: 4998, used: 2 });
    expect(['limit', 'remaining', 'used', 'resource'].map((name) => response.headers.get(`x-ratelimit-${name}`))).toEqual(['5000', '4998', '2', 'graphql']);
    expect(Date.parse(String(data.rateLimit['resetAt'])) / 1000).toBe(Number(response.headers.get('x-ratelimit-reset')));
  });

  it('It should keep the GraphQL budget apart from REST\'s core', async () => {
    const { app, token, client } = await acme();
    await client(COSTLY);

    const { resources } = (await app.octokit(token).rest.rateLimit.get()).data;

    expect(resources.graphql).toMatchObject({ used: 2 });
    expect(resources.core).toMatchObject({ used: 0 });
  });

  it('It should answer 200 with a RATE_LIMITED error once the installation has spent its points', async () => {
    const { app, token, client } = await acme({ rateLimits: { installation: { base: 2, max: 2 } } });
    await client(COSTLY);

    const response = await post(app, '{ rateLimit { remaining } }', token);

    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await response.json()).toEqual({ errors: [{ type: 'RATE_LIMITED', message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/) }] });
  });
});

describe('GraphQL: GitHub\'s errors', () => {
  it('It should refuse a connection asked for without `first` or `last`', async () => {
    const { client } = await acme();

    const error = await refusal(client('{ repository(owner: "acme", name: "app") { pullRequests { nodes { number } } } }'));

    expect(error.errors).toEqual([expect.objectContaining({
      type: 'MISSING_PAGINATION_BOUNDARIES', message: 'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
    })]);
  });

  it('It should refuse an unknown field as GitHub does', async () => {
    const { client } = await acme();

    const error = await refusal(client('{ repository(owner: "acme", name: "app") { stars } }'));

    expect(error.errors).toEqual([{
      path: ['query', 'repository', 'stars'], extensions: { code: 'undefinedField', typeName: 'Repository', fieldName: 'stars' },
      locations: [{ line: 1, column: 44 }], message: "Field 'stars' doesn't exist on type 'Repository'",
    }]);
  });

  it('It should refuse a query that could return more than 500,000 nodes', async () => {
    const { client } = await acme();

    const error = await refusal(client(
      '{ repository(owner: "acme", name: "app") { defaultBranchRef { target { ... on Commit { history(first: 100) { nodes { parents(first: 100) { nodes { history(first: 100) { nodes { oid } } } } } } } } } } }',
    ));

    expect(error.errors).toEqual([expect.objectContaining({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: 'By the time this query traverses to the history connection, it is requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.',
    })]);
  });
});

describe('GraphQL: the emulator around it', () => {
  it('It should serve GitHub Enterprise Server\'s /api/graphql for a base URL ending in /api/v3', async () => {
    const { app, token } = await acme();
    const enterprise = graphql.defaults({ baseUrl: `${app.emulator.url}/api/v3`, headers: { authorization: `token ${token}` } });

    expect(await enterprise('{ repository(owner: "acme", name: "app") { name } }')).toEqual({ repository: { name: 'app' } });
  });

  it('It should count GraphQL requests in /_emulator/stats as POST /graphql', async () => {
    const { app, client } = await acme();
    app.emulator.stats.reset();
    await client('{ rateLimit { remaining } }');

    expect(app.emulator.stats.snapshot().byRoute).toEqual({ 'POST /graphql': 1 });
  });

  it('It should answer 502 while a 502 fault is set', async () => {
    const { app, token } = await acme();
    app.emulator.faults.set({ mode: '502', times: 1 });

    expect((await post(app, '{ rateLimit { remaining } }', token)).status).toBe(502);
  });
});
