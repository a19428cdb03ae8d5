import { verify } from '@octokit/webhooks-methods';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedOn, startApp, WEBHOOK_SECRET, type StartedApp } from './app-fixture';

/** The owner changing which repositories an installation covers, and the installation_repositories event GitHub sends. */
let started: StartedApp;

beforeEach(async () => {
  started = await startApp();
});

afterEach(async () => {
  await started.stop();
});

const change = (id: number, body: unknown) => started.control('POST', `/installations/${id}/repositories`, body);
const tokenOf = async (id: number) => (await started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).data.token;
const readAs = (token: string, path: string) => fetch(`${started.emulator.url}${path}`, { headers: { authorization: `token ${token}` } });

describe('POST /_emulator/installations/{id}/repositories', () => {
  it('It should make an "all" installation "selected" when a repository is removed', async () => {
    const id = await installedOn(started, 'acme');

    const response = await change(id, { remove: ['app'] });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, repository_selection: 'selected' });
  });

  it('It should deliver installation_repositories removed, signed, with GitHub\'s fields', async () => {
    const id = await installedOn(started, 'acme');

    await change(id, { remove: ['app'] });
    const { headers, body } = await started.receiver.next();

    expect(headers['x-github-event']).toBe('installation_repositories');
    expect(await verify(WEBHOOK_SECRET, body, String(headers['x-hub-signature-256']))).toBe(true);
    expect(JSON.parse(body)).toEqual({
      action: 'removed', installation: expect.objectContaining({ id, repository_selection: 'selected' }), repository_selection: 'selected',
      repositories_added: [], repositories_removed: [expect.objectContaining({ full_name: 'acme/app', name: 'app', private: true, id: expect.any(Number), node_id: expect.any(String) })],
      requester: null, sender: expect.objectContaining({ login: 'ann' }),
    });
  });

  it('It should hide a removed private repository from a token issued before', async () => {
    const id = await installedOn(started, 'acme');
    const token = await tokenOf(id);
    expect((await readAs(token, '/repos/acme/app')).status).toBe(200);

    await change(id, { remove: ['app'] });

    expect((await readAs(token, '/repos/acme/app')).status).toBe(404);
  });

  it('It should deliver installation_repositories added and let new tokens read the added repository', async () => {
    const created = (await (await started.control('POST', '/installations', { account: 'acme', repositories: ['site'] })).json()) as { id: number };
    await started.receiver.next();

    await change(created.id, { add: ['acme/app'] });
    const received = JSON.parse((await started.receiver.next()).body) as Record<string, unknown>;
    const octokit = started.appOctokit(created.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation);

    expect(received).toMatchObject({ action: 'added', repository_selection: 'selected', repositories_added: [{ full_name: 'acme/app' }], repositories_removed: [] });
    expect(repos.map((repo) => repo.full_name).sort()).toEqual(['acme/app', 'acme/site']);
  });

  it('It should deliver nothing and keep "all" when adding to an "all" installation', async () => {
    const id = await installedOn(started, 'acme');

    const response = await change(id, { add: ['site'] });

    expect(await response.json()).toMatchObject({ repository_selection: 'all' });
    expect(started.emulator.webhooks.deliveries().map((delivery) => delivery.event)).toEqual(['installation']);
  });

  it('It should answer 404 for a repository of another account', async () => {
    const id = await installedOn(started, 'acme');

    expect((await change(id, { add: ['globex/vault'] })).status).toBe(404);
  });
});
