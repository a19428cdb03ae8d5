import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentsReadFrom, type DeploymentRecord } from '../../src/domain/sync/deployments';
import type { GithubClient } from '../../src/integrations/github/installation-client';
import type { GithubEmulator } from '../../src/local/github-emulator';
import { MAX_DEPLOYMENT_PAGES } from '../../src/integrations/github/deployments-graphql';
import { MAX_SLICE_BYTES } from '../../src/repositories/activity-slices';
import { deploymentsOf, writeDeploymentMonths } from '../../src/repositories/deployments';
import { batchGetItems } from '../../src/repositories/dynamo';
import { tenantKeys } from '../../src/repositories/keys';
import { githubMembersOf } from '../../src/repositories/github-members';
import { syncStatusOf } from '../../src/repositories/sync-status';
import { windowStartOf } from '../../src/domain/analysis/window';
import { requestSync, runSyncMessage } from '../../src/services/organization-sync';
import { DEMO_DEPLOYMENTS, demoDatasetWithDeployments } from '../support/demo-deployments';
import { startEmulatedInstallation } from '../support/emulated-installation';
import { sharedStackEnvironment } from '../support/private-api';
import { connectedOrganization, drain, ListQueue } from '../support/sync-queue';

/**
 * The organization sync stores each active repository's deployments with
 * their latest statuses, and the organization's members, as GitHub lists
 * them; an unchanged organization costs no deployment request. The demo
 * organization with deployments added (test/support/demo-deployments.ts),
 * an emulator of this file's own, the shared stack's DynamoDB Local, the
 * queue drained by hand.
 */
let emulator: GithubEmulator;
let github: GithubClient;
let installationId: number;
const TOKEN_ROUTE = 'POST /app/installations/{installation_id}/access_tokens';
const tenant = () => connectedOrganization(installationId, 'org_deploy');
const readItems = (org: { orgId: string }, repo: string, month: string) => batchGetItems([{ ...tenantKeys.deploymentMonth(org, { repo, month }) }]);
const readFrom = () => deploymentsReadFrom(windowStartOf(new Date()));

interface Stats {
  total: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, number>;
}
const stats = () => emulator.stats.snapshot() as Stats;
const githubRequests = (snapshot: Stats) => snapshot.total - (snapshot.byRoute[TOKEN_ROUTE] ?? 0);

async function syncOnce(org: { orgId: string }, installation = installationId): Promise<Stats> {
  const queue = new ListQueue();
  emulator.stats.reset();
  await requestSync(org, installation, queue);
  await drain(queue);
  return stats();
}

/** What GitHub's REST API says of a repository's deployments (a second path to the same facts: a deployment, then its statuses). */
async function restDeployments(repo: string): Promise<DeploymentRecord[]> {
  const [owner, name] = repo.split('/') as [string, string];
  const listed = await github.paginate(github.rest.repos.listDeployments, { owner, repo: name, per_page: 100 });
  return Promise.all(
    listed.map(async (deployment) => {
      const { data: statuses } = await github.rest.repos.listDeploymentStatuses({ owner, repo: name, deployment_id: deployment.id });
      const [latest] = statuses;
      return {
        repo, nodeId: deployment.node_id, id: deployment.id, sha: deployment.sha, environment: deployment.environment, createdAt: deployment.created_at,
        creatorLogin: deployment.creator?.login ?? null, latestStatus: latest ? { state: latest.state, createdAt: latest.created_at } : null,
      } as DeploymentRecord;
    }),
  );
}

const listedRepositories = async () => (await github.request('GET /installation/repositories', { per_page: 100 })).data.repositories;

beforeAll(async () => {
  ({ emulator, github, installationId } = await startEmulatedInstallation(
    { ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' },
    'techstartup',
    demoDatasetWithDeployments(),
  ));
});

afterAll(async () => {
  await emulator?.close();
});

describe('deployments in the organization sync', () => {
  it('It should store every deployment of two windows with its latest status exactly as GitHub lists it', async () => {
    const org = await tenant();

    await syncOnce(org);

    const expected = [...(await restDeployments('techstartup/api')), ...(await restDeployments('techstartup/web'))]
      .filter((deployment) => deployment.createdAt >= readFrom())
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const stored = await deploymentsOf(org, readFrom());
    expect(stored).toEqual(expected);
    expect(stored.map((deployment) => [deployment.id, deployment.latestStatus?.state ?? null])).toEqual([
      [7002, 'success'], [7101, 'success'], [7003, 'failure'], [7004, 'success'], [7005, 'error'], [7102, null], [7006, 'in_progress'],
    ]);
    expect(stored.find((deployment) => deployment.id === 7006)?.creatorLogin).toBe('github-actions[bot]');
    expect(DEMO_DEPLOYMENTS).toHaveLength(stored.length + 1);
  });

  it("It should answer only one window's deployments when asked for that window", async () => {
    const org = await tenant();
    await syncOnce(org);
    const windowStart = `${windowStartOf(new Date())}T00:00:00Z`;

    const current = await deploymentsOf(org, windowStart);
    const before = await deploymentsOf(org, readFrom(), windowStart);

    expect(current.map((deployment) => deployment.id)).toEqual([7101, 7003, 7004, 7005, 7102, 7006]);
    expect(before.map((deployment) => deployment.id)).toEqual([7002]);
  });

  it('It should ask GitHub nothing about deployments when the organization did not change, and keep what it stored', async () => {
    const org = await tenant();
    await syncOnce(org);
    const before = await deploymentsOf(org, readFrom());

    const again = await syncOnce(org);

    expect(again.byRoute['POST /graphql'] ?? 0).toBe(0);
    // Every request a free 304, the repository list's too (its pages' ETags are kept in GHREPOS).
    expect(again.byStatus['304']).toBe(githubRequests(again));
    expect(await deploymentsOf(org, readFrom())).toEqual(before);
  });

  it('It should read the deployments again when a deployment webhook names the repository, and store the new status', async () => {
    const org = await tenant();
    const queue = new ListQueue();
    await requestSync(org, installationId, queue);
    await drain(queue);
    const added = await fetch(`${emulator.url}/_emulator/deployments/7006/statuses`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'success' }),
    });
    expect(added.status).toBe(201);
    const [api] = (await listedRepositories()).filter((repo) => repo.full_name === 'techstartup/api');
    const read = (readDeployments: boolean) => runSyncMessage({
      kind: 'repository', orgId: org.orgId, syncId: 'webhook', installationId, repo: 'techstartup/api', pushedAt: api?.pushed_at ?? null,
      since: windowStartOf(new Date()), readDeployments,
    }, queue);
    const stateOf7006 = async () => (await deploymentsOf(org, readFrom())).find((deployment) => deployment.id === 7006)?.latestStatus?.state;

    emulator.stats.reset();
    await read(false);
    const unasked = stats().byRoute['POST /graphql'] ?? 0;
    const beforeFlag = await stateOf7006();
    await read(true);

    expect(unasked).toBe(0);
    expect(beforeFlag).toBe('in_progress');
    expect(await stateOf7006()).toBe('success');
  });
});

describe('members in the organization sync', () => {
  it("It should store the organization's members as GitHub lists them, and count the listing in the sync's requests", async () => {
    const org = await tenant();

    const cold = await syncOnce(org);

    const listed = await github.paginate(github.rest.orgs.listMembers, { org: 'techstartup', per_page: 100 });
    expect((await githubMembersOf(org))?.logins).toEqual(listed.map((member) => member.login));
    expect(listed.length).toBeGreaterThan(5);
    expect(cold.byRoute['GET /orgs/{org}/members']).toBe(1);
    expect((await syncStatusOf(org))?.requests.made).toBe(githubRequests(cold));
  });

  it("It should list no members for a user account's installation", async () => {
    const installed = await fetch(`${emulator.url}/_emulator/installations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'bob-senior' }) });
    const userInstallation = ((await installed.json()) as { id: number }).id;
    const org = await connectedOrganization(userInstallation, 'org_deploy');

    const synced = await syncOnce(org, userInstallation);

    expect(synced.byRoute['GET /orgs/{org}/members']).toBeUndefined();
    expect(await githubMembersOf(org)).toBeUndefined();
    expect((await syncStatusOf(org))?.status).toBe('idle');
  });

  it('It should cost an unchanged member list one free 304 and leave the stored list as it was', async () => {
    const org = await tenant();
    await syncOnce(org);
    const before = await githubMembersOf(org);

    const again = await syncOnce(org);

    expect(again.byRoute['GET /orgs/{org}/members']).toBe(1);
    expect(await githubMembersOf(org)).toEqual(before);
    expect((await syncStatusOf(org))?.requests).toEqual({ made: githubRequests(again), notModified: githubRequests(again) });
  });
});

describe('deployments in the table', () => {
  it('It should keep the most one read can take, all in one month, in one item far inside the size guard', async () => {
    const org = await tenant();
    const many: DeploymentRecord[] = Array.from({ length: MAX_DEPLOYMENT_PAGES * 100 }, (_, index) => ({
      repo: 'techstartup/api', nodeId: `DE_kwDO${randomBytes(9).toString('base64url')}`, id: 1_900_000_000 + index, sha: randomBytes(20).toString('hex'),
      environment: index % 3 ? 'production' : 'staging', createdAt: new Date(Date.UTC(2026, 10, 1) + index * 1_200_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creatorLogin: 'github-actions[bot]', latestStatus: { state: 'success', createdAt: new Date(Date.UTC(2026, 10, 1) + index * 1_200_000 + 60_000).toISOString() },
    }));

    await writeDeploymentMonths(org, 'techstartup/api', { write: [{ repo: 'techstartup/api', month: '2026-11', deployments: many }], remove: [] }, new Date());

    const [item] = await readItems(org, 'techstartup/api', '2026-11');
    expect((item?.['data'] as Uint8Array).length).toBeLessThan(MAX_SLICE_BYTES / 2);
    expect(await deploymentsOf(org, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual(many);
  });

  it('It should delete a month every deployment of which GitHub stopped listing, and keep the others', async () => {
    const org = await tenant();
    const one = (createdAt: string): DeploymentRecord => ({
      repo: 'techstartup/web', nodeId: `DE_${createdAt}`, id: 1, sha: 'f'.repeat(40), environment: 'production', createdAt, creatorLogin: 'dan-dev', latestStatus: null,
    });
    await writeDeploymentMonths(org, 'techstartup/web', {
      write: [{ repo: 'techstartup/web', month: '2026-10', deployments: [one('2026-10-02T10:00:00Z')] }, { repo: 'techstartup/web', month: '2026-11', deployments: [one('2026-11-02T10:00:00Z')] }],
      remove: [],
    }, new Date());

    await writeDeploymentMonths(org, 'techstartup/web', { write: [], remove: ['2026-10'] }, new Date());

    expect(await deploymentsOf(org, '2026-10-01T00:00:00Z')).toEqual([one('2026-11-02T10:00:00Z')]);
  });
});
