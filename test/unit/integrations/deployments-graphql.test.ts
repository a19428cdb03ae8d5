import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallStats } from '../../../src/integrations/github/conditional-client';
import { deploymentsSince, MAX_DEPLOYMENT_PAGES } from '../../../src/integrations/github/deployments-graphql';
import type { GithubClient } from '../../../src/integrations/github/installation-client';
import type { GithubEmulator } from '../../../src/local/github-emulator';
import { demoDatasetWithDeployments } from '../../support/demo-deployments';
import { startEmulatedInstallation } from '../../support/emulated-installation';

/**
 * Reading a repository's deployments for the sync, through an installation
 * token against the GitHub emulator (the real Octokit path): the demo
 * with a busy repository, techstartup/mobile deploying every hour.
 */
const BUSY = 'techstartup/mobile';
const HOURLY = 2_050;
let emulator: GithubEmulator;
let github: GithubClient;
const stats = (): CallStats => ({ requests: 0, notModified: 0 });

function busyDataset() {
  const demo = demoDatasetWithDeployments();
  const last = Date.parse('2026-11-19T12:00:00Z');
  const hourly = Array.from({ length: HOURLY }, (_, index) => ({
    repo: BUSY, id: 50_000 + index, sha: index.toString(16).padStart(40, 'e'), environment: 'production',
    createdAt: new Date(last - (HOURLY - 1 - index) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), creator: 'erin-dev',
    statuses: [{ state: index % 20 === 0 ? 'failure' : 'success' }],
  }));
  return { ...demo, deployments: [...(demo['deployments'] as unknown[]), ...hourly] };
}

/** The time of the n-th newest hourly deployment, as the emulator serves it (shifted with today). */
const nthNewest = async (n: number) => (await github.rest.repos.listDeployments({ owner: 'techstartup', repo: 'mobile', per_page: 100, page: Math.ceil(n / 100) })).data[(n - 1) % 100]!.created_at;

beforeAll(async () => {
  ({ emulator, github } = await startEmulatedInstallation({ USER_POOL_ID: 'local_pool', USER_POOL_CLIENT_ID: 'local-client', LOG_LEVEL: 'error' }, 'techstartup', busyDataset()));
});

afterAll(async () => {
  await emulator?.close();
});

describe("reading a repository's deployments for the sync", () => {
  it('It should stop at the first page that reaches the start, and keep only what is newer', async () => {
    const from = await nthNewest(150);
    const spent = stats();

    const read = await deploymentsSince(github, BUSY, from, spent);

    expect(read.deployments).toHaveLength(150);
    expect(read.from).toBe(from);
    expect(spent.requests).toBe(2);
    expect(read.deployments[0]).toMatchObject({ repo: BUSY, id: 50_000 + HOURLY - 1, environment: 'production', creatorLogin: 'erin-dev', latestStatus: { state: 'success' } });
    expect(read.deployments.filter((deployment) => deployment.latestStatus?.state === 'failure').length).toBeGreaterThan(0);
  });

  it('It should read no more than its pages allow, and say it covers only what it reached', async () => {
    const spent = stats();

    const read = await deploymentsSince(github, BUSY, '2020-01-01T00:00:00Z', spent);

    expect(spent.requests).toBe(MAX_DEPLOYMENT_PAGES);
    expect(read.deployments).toHaveLength(MAX_DEPLOYMENT_PAGES * 100);
    expect(read.from).toBe(await nthNewest(MAX_DEPLOYMENT_PAGES * 100));
  });

  it('It should find nothing in a repository GitHub no longer has', async () => {
    const read = await deploymentsSince(github, 'techstartup/gone', '2020-01-01T00:00:00Z', stats());

    expect(read.deployments).toEqual([]);
  });
});
