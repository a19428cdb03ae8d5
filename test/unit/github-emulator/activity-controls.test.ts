import { verify } from '@octokit/webhooks-methods';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EVENTS } from '../../../src/local/github-emulator/github-app';
import { accountId, installedOn as installedOnAccount, startApp, WEBHOOK_SECRET, type Received, type StartedApp } from './app-fixture';
import { deploymentsDataset } from './deployments-fixture';

/** Controls that add deployments, their statuses and reviews at run time, and the webhooks GitHub would send for them. */
let started: StartedApp;

afterEach(async () => {
  await started.stop();
});

/** Starts the emulator (with the app's options) and installs the app on acme; the installation's id. */
async function startInstalled(app: Parameters<typeof startApp>[0] = {}): Promise<number> {
  started = await startApp(app);
  return installedOnAccount(started, 'acme');
}

/** acme's repositories are private: read as an installation on their owner (the install page installs it on first use). */
async function readerOf(owner = 'acme') {
  return started.appOctokit(Number((await started.install(accountId(started, owner))).get('installation_id')));
}

async function post(path: string, body: unknown): Promise<{ status: number; body: { id: number; deliveries: string[] } }> {
  const response = await started.control('POST', path, body);
  return { status: response.status, body: (await response.json()) as { id: number; deliveries: string[] } };
}

const payload = (received: Received) => JSON.parse(received.body) as Record<string, unknown>;
const stateOf = (received: Received) => String((payload(received)['deployment_status'] as { state: string }).state);
const byState = (...received: [Received, Received]) => received.sort((a, b) => (stateOf(a) === 'in_progress' ? -1 : stateOf(b) === 'in_progress' ? 1 : 0));

describe('POST /_emulator/deployments', () => {
  it('It should deliver deployment_status created for each status to the installation', async () => {
    const id = await startInstalled();

    const added = await post('/deployments', { repo: 'acme/app', creator: 'ann', statuses: [{ state: 'in_progress' }, { state: 'success' }] });
    // Deliveries travel at once, so they may arrive in any order (GitHub promises none either).
    const [first, second] = byState(await started.receiver.next(), await started.receiver.next());

    expect(added.status).toBe(201);
    expect(added.body.deliveries).toHaveLength(2);
    expect([first.headers['x-github-event'], second.headers['x-github-event']]).toEqual(['deployment_status', 'deployment_status']);
    expect(payload(first)).toMatchObject({
      action: 'created', deployment_status: { state: 'in_progress', environment: 'production' }, deployment: { id: added.body.id, creator: { login: 'ann' } },
      repository: { full_name: 'acme/app' }, organization: { login: 'acme' }, installation: { id }, sender: { login: 'ann' },
    });
    expect(payload(second)).toMatchObject({ deployment_status: { state: 'success' } });
  });

  it('It should sign the deployment_status delivery with the webhook secret', async () => {
    await startInstalled();

    await post('/deployments', { repo: 'acme/app', statuses: [{ state: 'success' }] });
    const { headers, body } = await started.receiver.next();

    expect(await verify(WEBHOOK_SECRET, body, String(headers['x-hub-signature-256']))).toBe(true);
  });

  it('It should deliver no deployment event when the app does not subscribe to it (GitHub\'s default events)', async () => {
    await startInstalled();

    const added = await post('/deployments', { repo: 'acme/app' });

    expect(DEFAULT_EVENTS).not.toContain('deployment');
    expect(added.body.deliveries).toEqual([]);
  });

  it('It should deliver deployment created as well when the app subscribes to it', async () => {
    await startInstalled({ events: [...DEFAULT_EVENTS, 'deployment'] });

    await post('/deployments', { repo: 'acme/app', environment: 'staging', statuses: [{ state: 'queued' }] });
    const [first, second] = ([await started.receiver.next(), await started.receiver.next()] as [Received, Received]).sort((a, b) => String(a.headers['x-github-event']).localeCompare(String(b.headers['x-github-event'])));

    expect(first.headers['x-github-event']).toBe('deployment');
    expect(payload(first)).toMatchObject({ action: 'created', deployment: { environment: 'staging', production_environment: false }, workflow: null, workflow_run: null });
    expect(second.headers['x-github-event']).toBe('deployment_status');
  });

  it('It should serve the added deployment first, on the repository\'s latest commit by default', async () => {
    started = await startApp();
    const latest = (await (await readerOf()).rest.repos.listCommits({ owner: 'acme', repo: 'app', per_page: 1 })).data[0]?.sha;

    const added = await post('/deployments', { repo: 'acme/app', statuses: [{ state: 'success' }] });
    const { data } = await (await readerOf()).rest.repos.listDeployments({ owner: 'acme', repo: 'app' });

    expect(data[0]).toMatchObject({ id: added.body.id, sha: latest, ref: 'main', environment: 'production' });
  });

  it('It should refuse a state GitHub does not have with 400', async () => {
    started = await startApp();

    expect((await post('/deployments', { repo: 'acme/app', statuses: [{ state: 'done' }] })).status).toBe(400);
  });

  it('It should answer 404 for a repository not in the dataset', async () => {
    started = await startApp();

    expect((await post('/deployments', { repo: 'acme/nothing' })).status).toBe(404);
  });
});

describe('POST /_emulator/deployments/{id}/statuses', () => {
  it('It should add the status as the newest and deliver deployment_status', async () => {
    await startInstalled();
    const { body: { id } } = await post('/deployments', { repo: 'acme/app' });

    const added = await post(`/deployments/${id}/statuses`, { state: 'failure' });
    const received = await started.receiver.next();
    const { data } = await (await readerOf()).rest.repos.listDeploymentStatuses({ owner: 'acme', repo: 'app', deployment_id: id });

    expect(added.status).toBe(201);
    expect(received.headers['x-github-event']).toBe('deployment_status');
    expect(payload(received)).toMatchObject({ action: 'created', deployment_status: { id: added.body.id, state: 'failure' }, deployment: { id } });
    expect(data.map((status) => status.state)).toEqual(['failure']);
  });

  it('It should answer 404 for an unknown deployment', async () => {
    started = await startApp();

    expect((await post('/deployments/424242/statuses', { state: 'success' })).status).toBe(404);
  });
});

describe('POST /_emulator/reviews', () => {
  it('It should deliver pull_request_review submitted with the review, the pull request and the installation', async () => {
    const id = await startInstalled();

    const added = await post('/reviews', { repo: 'acme/app', number: 2, reviewer: 'ann', state: 'APPROVED', body: 'Ship it' });
    const received = await started.receiver.next();

    expect(added.status).toBe(201);
    expect(received.headers['x-github-event']).toBe('pull_request_review');
    expect(payload(received)).toMatchObject({
      action: 'submitted', review: { id: added.body.id, state: 'approved', body: 'Ship it', user: { login: 'ann' }, submitted_at: expect.any(String) },
      pull_request: { number: 2, state: 'open' }, repository: { full_name: 'acme/app' }, installation: { id }, sender: { login: 'ann' },
    });
    expect(await verify(WEBHOOK_SECRET, received.body, String(received.headers['x-hub-signature-256']))).toBe(true);
  });

  it('It should serve the review on the pull request\'s reviews, upper-case as the REST API has it', async () => {
    started = await startApp();

    await post('/reviews', { repo: 'acme/app', number: 2, reviewer: 'ann', state: 'changes_requested' });
    const { data } = await (await readerOf()).rest.pulls.listReviews({ owner: 'acme', repo: 'app', pull_number: 2 });

    expect(data.map((review) => [review.user?.login, review.state])).toEqual([['ann', 'CHANGES_REQUESTED']]);
  });

  it('It should answer 404 for a pull request the repository does not have', async () => {
    started = await startApp();

    expect((await post('/reviews', { repo: 'acme/app', number: 99, reviewer: 'ann', state: 'APPROVED' })).status).toBe(404);
  });
});

describe('deployments of a copied organization', () => {
  const copyAcme = async () => {
    started = await startApp({}, { dataset: deploymentsDataset() });
    const response = await started.control('POST', '/organizations', { login: 'acme-copy', copyOf: 'acme' });
    expect(response.status).toBe(201);
  };
  const idsOf = async (owner: string) => (await (await readerOf(owner)).rest.repos.listDeployments({ owner, repo: 'app' })).data.map((entry) => entry.id);

  it('It should give the copy\'s deployments ids of their own', async () => {
    await copyAcme();

    const [source, copy] = [await idsOf('acme'), await idsOf('acme-copy')];

    expect(copy).toHaveLength(3);
    expect(copy.filter((id) => source.includes(id))).toEqual([]);
  });

  it('It should add a status to the copy\'s deployment and leave the source\'s alone', async () => {
    await copyAcme();
    const [newest] = await idsOf('acme-copy');

    expect((await post(`/deployments/${newest}/statuses`, { state: 'inactive' })).status).toBe(201);
    const statuses = async (owner: string, id: number) =>
      (await (await readerOf(owner)).rest.repos.listDeploymentStatuses({ owner, repo: 'app', deployment_id: id })).data.map((status) => status.state);

    expect(await statuses('acme-copy', Number(newest))).toEqual(['inactive']);
    expect(await statuses('acme', 9003)).toEqual([]);
  });
});
