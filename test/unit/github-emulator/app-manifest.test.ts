import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCredentialsFile, writeCredentialsFile } from '../../../src/integrations/github/app-credentials-store';
import { startRegistration, type Registration } from '../../../src/integrations/github/app-registration';
import { signatureOf } from '../../../src/local/github-emulator/webhooks';
import { appDataset, keyPair, Receiver, startApp } from './app-fixture';
import { startFixture, type Started } from './fixture';
import { submitRegistrationPage } from './manifest-browser';

/**
 * The manifest flow end to end, offline: the register script's loopback
 * server and page, the emulator (started without an app) as GitHub's
 * registration page and conversion API, and the browser in between
 * simulated with fetch (open the page, post its form, follow the 302).
 * The deployed API is a webhook receiver on loopback, so nothing leaves
 * this machine.
 */
let started: Started;
let registration: Registration;
let api: Receiver;
let API_URL: string;

beforeEach(async () => {
  started = await startFixture(appDataset());
  api = await Receiver.start();
  API_URL = new URL(api.url).origin;
});

afterEach(async () => {
  vi.useRealTimers();
  await registration?.close();
  await started.emulator.webhooks.idle();
  await started.stop();
  await api.close();
});

async function register(org?: string) {
  registration = await startRegistration({ apiUrl: API_URL, githubUrl: started.emulator.url, githubApiUrl: started.emulator.url, ...(org ? { org } : {}) });
  const redirect = await submitRegistrationPage(registration.url);
  const landing = await fetch(redirect);
  return { redirect, landing, app: await registration.registered };
}

/** The install page as the organization's owner uses it; GitHub's 302 to the app's landing URL. */
async function installOnGlobex(slug: string): Promise<URL> {
  const globex = started.emulator.store.accounts.get('globex')?.id;
  const install = await fetch(`${started.emulator.url}/apps/${slug}/installations/new?state=s&suggested_target_id=${globex}`, { redirect: 'manual' });
  return new URL(install.headers.get('location') ?? '');
}

/** A registration posted straight to the emulator, without the script. */
function postManifest(url: string): Promise<Response> {
  const manifest = JSON.stringify({ url: API_URL, redirect_url: 'http://127.0.0.1:1/registered' });
  return fetch(url, { method: 'POST', body: new URLSearchParams({ manifest }), redirect: 'manual' });
}

function appOctokit(appId: number, privateKey: string): Octokit {
  return new Octokit({ baseUrl: started.emulator.url, authStrategy: createAppAuth, auth: { appId, privateKey } });
}

describe('registering the app through the emulator', () => {
  it('It should hand back an app whose key signs JWTs that GET /app accepts', async () => {
    const { app } = await register('globex');

    const { data } = await appOctokit(app.id, app.pem).rest.apps.getAuthenticated();

    expect(data).toMatchObject({ id: app.id, slug: 'devinsights', client_id: app.clientId, owner: { login: 'globex' }, events: ['push', 'pull_request', 'pull_request_review', 'deployment_status'] });
  });

  it('It should make the registering organization the owner and keep the manifest\'s permissions', async () => {
    registration = await startRegistration({ apiUrl: API_URL, githubUrl: started.emulator.url, githubApiUrl: started.emulator.url, org: 'globex' });
    const code = new URL(await submitRegistrationPage(registration.url)).searchParams.get('code');

    const response = await fetch(`${started.emulator.url}/app-manifests/${code}/conversions`, { method: 'POST' });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      owner: { login: 'globex', type: 'Organization' }, name: 'DevInsights', external_url: API_URL, html_url: 'https://github.com/apps/devinsights',
      permissions: { metadata: 'read', contents: 'read', members: 'read' }, client_secret: expect.any(String), webhook_secret: expect.any(String),
      pem: expect.stringContaining('BEGIN RSA PRIVATE KEY'),
    });
  });

  it('It should send the browser back to the loopback server with the state it sent and tell the operator it worked', async () => {
    const { redirect, landing } = await register();

    expect(new URL(redirect).searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(landing.status).toBe(200);
  });

  it('It should refuse a used code with 404, as GitHub', async () => {
    const { redirect } = await register();

    const again = await fetch(`${started.emulator.url}/app-manifests/${new URL(redirect).searchParams.get('code')}/conversions`, { method: 'POST' });

    expect(again.status).toBe(404);
  });

  it('It should refuse a code older than one hour with 404', async () => {
    const code = new URL((await postManifest(`${started.emulator.url}/organizations/globex/settings/apps/new?state=s`)).headers.get('location') ?? '').searchParams.get('code');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3600_000 + 1000);

    const late = await fetch(`${started.emulator.url}/app-manifests/${code}/conversions`, { method: 'POST' });

    expect(late.status).toBe(404);
  });

  it('It should refuse a second visit of the redirect, whose state is spent, and not exchange its code', async () => {
    const { redirect } = await register();

    const replay = await fetch(redirect);

    expect(replay.status).toBe(400);
  });

  it('It should refuse a redirect whose state is not the one sent', async () => {
    registration = await startRegistration({ apiUrl: API_URL, githubUrl: started.emulator.url, githubApiUrl: started.emulator.url });
    const forged = new URL(await submitRegistrationPage(registration.url));
    forged.searchParams.set('state', 'someone-elses-state');

    expect((await fetch(forged)).status).toBe(400);
  });

  it('It should install the registered app with the manifest\'s callback as the landing URL', async () => {
    const { app } = await register('globex');

    const landing = await installOnGlobex(app.slug);

    expect(landing.toString()).toMatch(new RegExp(`^${API_URL}/integrations/github/callback\\?installation_id=\\d+&setup_action=install&code=`));
  });

  it('It should deliver the installation to the manifest\'s webhook URL, signed with the webhook secret it handed back', async () => {
    const { app } = await register('globex');
    await installOnGlobex(app.slug);

    const delivery = await api.next();

    expect(delivery.headers['x-github-event']).toBe('installation');
    expect(delivery.headers['x-hub-signature-256']).toBe(signatureOf(String(app.webhookSecret), delivery.body));
  });

  it('It should exchange the installer\'s code with the registered app\'s client id and secret', async () => {
    const { app } = await register('globex');
    const code = (await installOnGlobex(app.slug)).searchParams.get('code') ?? '';

    const exchange = await fetch(`${started.emulator.url}/login/oauth/access_token`, {
      method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, code }),
    });

    expect(await exchange.json()).toMatchObject({ access_token: expect.stringMatching(/^ghu_/), token_type: 'bearer' });
  });

  it('It should refuse a registration under an organization the dataset does not have with 404', async () => {
    const response = await postManifest(`${started.emulator.url}/organizations/nobody-here/settings/apps/new?state=s`);

    expect(response.status).toBe(404);
  });
});

describe('an emulator that already serves an app', () => {
  it('It should refuse a second registration with 422 (it serves one app)', async () => {
    const withApp = await startApp();
    try {
      const response = await postManifest(`${withApp.emulator.url}/settings/apps/new?state=s`);

      expect(response.status).toBe(422);
    } finally {
      await withApp.stop();
    }
  });
});

describe('the credentials file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'github-app-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('It should write the registered app readable by its owner only, in the local stack\'s github-app.json shape', async () => {
    const { app } = await register();
    const file = join(dir, 'app.json');

    await writeCredentialsFile(file, app);

    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      id: app.id, slug: app.slug, clientId: app.clientId, clientSecret: app.clientSecret, privateKey: app.pem, webhookSecret: app.webhookSecret,
    });
  });

  it('It should never overwrite an existing file, which may hold an earlier app\'s only key', async () => {
    const file = join(dir, 'app.json');
    const app = { id: 1, slug: 'a', name: 'a', htmlUrl: '', clientId: 'c', clientSecret: 's', webhookSecret: 'w', pem: keyPair().privateKey };
    await writeCredentialsFile(file, app);

    await expect(writeCredentialsFile(file, { ...app, id: 2 })).rejects.toThrow(/EEXIST/);
    expect((await readCredentialsFile(file)).id).toBe(1);
  });
});
