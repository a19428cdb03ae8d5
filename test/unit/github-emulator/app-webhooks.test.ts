import { verify } from '@octokit/webhooks-methods';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountId, APP_ID, installedOn as installedOnAccount, startApp, WEBHOOK_SECRET, type StartedApp } from './app-fixture';

/** Webhook deliveries to the app's URL, signed with its secret, and the controls that make new activity arrive. */
let started: StartedApp;

beforeEach(async () => {
  started = await startApp();
});

afterEach(async () => {
  await started.stop();
});

const installedOn = (login: string) => installedOnAccount(started, login);

describe('webhook deliveries', () => {
  it('It should deliver installation.created with GitHub\'s headers when the install page installs the app', async () => {
    const query = await started.install(accountId(started, 'acme'));

    const { headers, body } = await started.receiver.next();

    expect(headers).toMatchObject({
      'x-github-event': 'installation', 'content-type': 'application/json', 'x-github-hook-installation-target-id': String(APP_ID),
      'x-github-delivery': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
    expect(JSON.parse(body)).toMatchObject({
      action: 'created', installation: { id: Number(query.get('installation_id')), account: { login: 'acme' } },
      repositories: expect.arrayContaining([expect.objectContaining({ full_name: 'acme/app', private: true })]), sender: { login: 'ann' },
    });
  });

  it('It should sign the raw body so that verify accepts it with the webhook secret', async () => {
    await started.install(accountId(started, 'acme'));

    const { headers, body } = await started.receiver.next();

    expect(await verify(WEBHOOK_SECRET, body, String(headers['x-hub-signature-256']))).toBe(true);
  });

  it('It should sign so that verify rejects it with another secret', async () => {
    await started.install(accountId(started, 'acme'));

    const { headers, body } = await started.receiver.next();

    expect(await verify('another-secret', body, String(headers['x-hub-signature-256']))).toBe(false);
  });

  it('It should deliver installation.suspend and then installation.deleted from the controls', async () => {
    const id = await installedOn('acme');

    expect((await started.control('POST', `/installations/${id}/suspend`)).status).toBe(200);
    const suspended = JSON.parse((await started.receiver.next()).body);
    expect((await started.control('DELETE', `/installations/${id}`)).status).toBe(204);
    const deleted = JSON.parse((await started.receiver.next()).body);

    expect(suspended).toMatchObject({ action: 'suspend', installation: { id, suspended_at: expect.any(String) } });
    expect(deleted).toMatchObject({ action: 'deleted', installation: { id } });
  });

  it('It should refuse tokens for a suspended installation with 403', async () => {
    const id = await installedOn('acme');
    await started.control('POST', `/installations/${id}/suspend`);

    await expect(started.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).rejects.toMatchObject({ status: 403 });
  });

  it('It should install on selected repositories through the control', async () => {
    const response = await started.control('POST', '/installations', { account: 'acme', repositories: ['site'] });
    const created = (await response.json()) as { id: number; repository_selection: string };
    const octokit = started.appOctokit(created.id);

    expect(created.repository_selection).toBe('selected');
    expect((await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation)).map((repo) => repo.full_name)).toEqual(['acme/site']);
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('activity added at run time', () => {
  it('It should add a commit through the control and deliver the matching push to the installation', async () => {
    const id = await installedOn('acme');

    const added = (await (await started.control('POST', '/commits', { repo: 'acme/app', author: 'ben', message: 'feat: live', files: ['src/live.ts'] })).json()) as { sha: string };
    const { headers, body } = await started.receiver.next();

    expect(headers['x-github-event']).toBe('push');
    expect(JSON.parse(body)).toMatchObject({
      ref: 'refs/heads/main', after: added.sha, installation: { id }, repository: { full_name: 'acme/app' },
      commits: [{ id: added.sha, message: 'feat: live', author: { username: 'ben' }, modified: ['src/live.ts'] }],
    });
  });

  it('It should serve the added commit first on the commits list', async () => {
    const { sha } = (await (await started.control('POST', '/commits', { repo: 'acme/app', author: 'ben', message: 'feat: live' })).json()) as { sha: string };

    const { data } = await started.appOctokit(await installedOn('acme')).rest.repos.listCommits({ owner: 'acme', repo: 'app', per_page: 1 });

    expect(data[0]).toMatchObject({ sha, commit: { message: 'feat: live' }, author: { login: 'ben' } });
  });

  it('It should add a pull request through the control and deliver pull_request opened', async () => {
    const id = await installedOn('acme');

    const added = (await (await started.control('POST', '/pulls', { repo: 'acme/app', author: 'ann', title: 'Live work' })).json()) as { number: number };
    const { headers, body } = await started.receiver.next();
    const served = await started.appOctokit(id).rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: added.number });

    expect(added.number).toBe(6);
    expect(headers['x-github-event']).toBe('pull_request');
    expect(JSON.parse(body)).toMatchObject({ action: 'opened', number: 6, pull_request: { title: 'Live work', state: 'open' }, installation: { id } });
    expect(served.data.title).toBe('Live work');
  });

  it('It should deliver nothing for a repository no installation covers', async () => {
    const response = await started.control('POST', '/commits', { repo: 'globex/vault', author: 'gus' });

    expect(await response.json()).toMatchObject({ deliveries: [] });
  });
});
