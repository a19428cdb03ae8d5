import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/local/github-emulator/dataset';
import { installedOn, startApp, type StartedApp } from './app-fixture';
import { deploymentsDataset, OTHER_SHA, SHA } from './deployments-fixture';
import { get, startFixture } from './fixture';

/** Deployments and their statuses from the dataset (v1.1), in GitHub's `deployment` and `deployment-status` shapes. */

/** The properties of GitHub's `deployment` and `deployment-status` schemas (@octokit/openapi-types). */
const DEPLOYMENT_FIELDS = [
  'created_at', 'creator', 'description', 'environment', 'id', 'node_id', 'original_environment', 'payload', 'performed_via_github_app',
  'production_environment', 'ref', 'repository_url', 'sha', 'statuses_url', 'task', 'transient_environment', 'updated_at', 'url',
];
const STATUS_FIELDS = [
  'created_at', 'creator', 'deployment_url', 'description', 'environment', 'environment_url', 'id', 'log_url', 'node_id',
  'performed_via_github_app', 'repository_url', 'state', 'target_url', 'updated_at', 'url',
];

let started: StartedApp;

/** acme/app is private: read with a token of acme's installation. */
let acmeToken: string;
let acmeInstallation: number;

beforeAll(async () => {
  started = await startApp({}, { dataset: deploymentsDataset() });
  acmeInstallation = await installedOn(started, 'acme');
  acmeToken = (await started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: acmeInstallation })).data.token;
});

afterAll(async () => {
  await started.stop();
});

const operator = () => started.octokit(acmeToken);

describe('deployments', () => {
  it('It should answer each deployment with exactly the fields of GitHub\'s deployment schema', async () => {
    const { data } = await operator().rest.repos.getDeployment({ owner: 'acme', repo: 'app', deployment_id: 9001 });

    expect(Object.keys(data).sort()).toEqual(DEPLOYMENT_FIELDS);
    expect(data).toMatchObject({
      id: 9001, sha: SHA, ref: 'main', task: 'deploy', environment: 'production', original_environment: 'production', payload: {},
      description: null, creator: { login: 'ann', type: 'User' }, created_at: '2025-03-01T10:00:00Z', updated_at: '2025-03-01T10:05:00Z',
      statuses_url: `${started.emulator.url}/repos/acme/app/deployments/9001/statuses`, repository_url: `${started.emulator.url}/repos/acme/app`,
      production_environment: true, transient_environment: false, performed_via_github_app: null,
    });
    expect(Buffer.from(data.node_id, 'base64').toString()).toBe('010:Deployment9001');
  });

  it('It should list a repository\'s deployments newest first', async () => {
    const { data } = await operator().rest.repos.listDeployments({ owner: 'acme', repo: 'app' });

    expect(data.map((entry) => entry.id)).toEqual([9003, 9002, 9001]);
  });

  it('It should page the deployments with a link header like the other lists', async () => {
    const response = await get(started.emulator, '/repos/acme/app/deployments?per_page=1&page=2', { authorization: `token ${acmeToken}` });

    expect(((await response.json()) as { id: number }[]).map((entry) => entry.id)).toEqual([9002]);
    expect(response.headers.get('link')).toContain('rel="next"');
    expect(response.headers.get('link')).toContain('rel="prev"');
  });

  it.each([
    ['environment', 'staging', [9002]],
    ['sha', OTHER_SHA, [9003, 9002]],
    ['ref', 'main', [9003, 9002, 9001]],
    ['task', 'migrate', []],
  ])('It should filter the deployments by %s', async (name, value, ids) => {
    const { data } = await operator().request('GET /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'app', [name]: value });

    expect(data.map((entry) => entry.id)).toEqual(ids);
  });

  it('It should list a deployment\'s statuses newest first with the fields of GitHub\'s deployment-status schema', async () => {
    const { data } = await operator().rest.repos.listDeploymentStatuses({ owner: 'acme', repo: 'app', deployment_id: 9001 });

    expect(data.map((status) => status.state)).toEqual(['success', 'in_progress']);
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(STATUS_FIELDS);
    expect(data[0]).toMatchObject({
      environment: 'production', creator: { login: 'ann' }, created_at: '2025-03-01T10:05:00Z',
      deployment_url: `${started.emulator.url}/repos/acme/app/deployments/9001`,
    });
  });

  it('It should give a status without a time the deployment\'s time', async () => {
    const { data } = await operator().rest.repos.listDeploymentStatuses({ owner: 'acme', repo: 'app', deployment_id: 9002 });

    expect(data[0]).toMatchObject({ state: 'failure', created_at: '2025-03-02T10:00:00Z' });
  });

  it('It should answer 404 for a deployment the repository does not have', async () => {
    await expect(operator().rest.repos.getDeployment({ owner: 'acme', repo: 'app', deployment_id: 9100 })).rejects.toMatchObject({ status: 404 });
  });

  it('It should answer a matching If-None-Match with 304', async () => {
    const first = await get(started.emulator, '/repos/acme/app/deployments', { authorization: `token ${acmeToken}` });
    const again = await get(started.emulator, '/repos/acme/app/deployments', { authorization: `token ${acmeToken}`, 'if-none-match': String(first.headers.get('etag')) });

    expect(again.status).toBe(304);
  });
});

describe('deployments of a private repository', () => {
  const installed = new Map<string, number>();
  const tokenFor = async (login: string) => {
    let id = login === 'acme' ? acmeInstallation : installed.get(login);
    if (id === undefined) {
      id = await installedOn(started, login);
      installed.set(login, id);
    }
    return (await started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).data.token;
  };

  it('It should show them to an installation on their owner', async () => {
    const token = await tokenFor('globex');

    const response = await get(started.emulator, '/repos/globex/vault/deployments', { authorization: `token ${token}` });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: number }[]).map((entry) => entry.id)).toEqual([9100]);
  });

  it('It should hide them from an installation on another account with 404', async () => {
    const token = await tokenFor('acme');

    const statuses = await get(started.emulator, '/repos/globex/vault/deployments/9100/statuses', { authorization: `token ${token}` });

    expect(statuses.status).toBe(404);
  });

  it('It should count them against the installation\'s rate limit', async () => {
    const token = await tokenFor('acme');

    const used = async () => Number((await get(started.emulator, '/repos/acme/app/deployments', { authorization: `token ${token}` })).headers.get('x-ratelimit-used'));

    const before = await used();
    expect(await used()).toBe(before + 1);
  });
});

describe('deployments in the dataset', () => {
  it('It should shift deployment and status times by the anchor', async () => {
    const now = Date.parse('2025-03-08T10:00:00Z');
    const fixture = await startFixture({ ...deploymentsDataset(), anchor: '2025-03-01T10:00:00Z' }, { now });
    try {
      const { data } = await fixture.octokit('t').rest.repos.listDeploymentStatuses({ owner: 'acme', repo: 'app', deployment_id: 9001 });

      expect(data.map((status) => status.created_at)).toEqual(['2025-03-08T10:05:00Z', '2025-03-08T10:01:00Z']);
    } finally {
      await fixture.stop();
    }
  });

  it('It should refuse a deployment status state GitHub does not have', () => {
    const dataset = { deployments: [{ repo: 'acme/app', sha: SHA, createdAt: '2025-03-01T10:00:00Z', statuses: [{ state: 'done' }] }] };

    expect(() => parseDataset(dataset)).toThrow(/deployments\.0\.statuses\.0\.state/);
  });

  it('It should default the environment to production and the ref to the default branch', () => {
    const [entry] = parseDataset({ deployments: [{ repo: 'acme/app', sha: SHA, createdAt: '2025-03-01T10:00:00Z' }] }).deployments;

    expect(entry).toMatchObject({ environment: 'production', task: 'deploy', statuses: [] });
  });
});
