import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DATASET_PATH, startGithubEmulator } from '../../../src/local/github-emulator';
import { accountId, CLIENT_ID, CLIENT_SECRET, keyPair, startApp, type StartedApp } from './app-fixture';

/** The connect flow's GitHub half: the install page, the code exchange, and what the user behind the code may access. */
let started: StartedApp;

beforeEach(async () => {
  started = await startApp();
});

afterEach(async () => {
  await started.stop();
});

async function userToken(code: string): Promise<string> {
  const { token } = (await started.appOctokit().auth({ type: 'oauth-user', code })) as { token: string };
  return token;
}

async function exchange(body: Record<string, string>, accept = 'application/json'): Promise<Response> {
  return fetch(`${started.emulator.url}/login/oauth/access_token`, { method: 'POST', headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the install page', () => {
  it('It should install on the suggested account and send its owner to the setup URL with installation_id, setup_action, code and state', async () => {
    const query = await started.install(accountId(started, 'acme'), 'abc.123');

    const { data } = await started.appOctokit().rest.apps.getOrgInstallation({ org: 'acme' });
    expect(Object.fromEntries(query)).toEqual({ installation_id: String(data.id), setup_action: 'install', code: expect.stringMatching(/^[0-9a-f]{20}$/), state: 'abc.123' });
  });

  it('It should ask which organization when no account is suggested, each choice leading to the install with the state kept', async () => {
    const picker = await fetch(`${started.emulator.url}/apps/devinsights-test/installations/new?state=abc.123`, { redirect: 'manual' });
    const page = await picker.text();
    const href = /<a href="([^"]+)">Install on acme<\/a>/.exec(page)?.[1]?.replaceAll('&#38;', '&');

    expect(picker.status).toBe(200);
    expect(picker.headers.get('content-type')).toMatch(/^text\/html/);
    expect(href).toBeDefined();
    const chosen = await fetch(new URL(href ?? '', started.emulator.url), { redirect: 'manual' });
    const setup = new URL(chosen.headers.get('location') ?? '');
    expect(chosen.status).toBe(302);
    expect(setup.searchParams.get('state')).toBe('abc.123');
    expect(setup.searchParams.get('setup_action')).toBe('install');
  });

  it('It should answer 404 for an account id that does not exist', async () => {
    const response = await fetch(`${started.emulator.url}/apps/devinsights-test/installations/new?state=s&suggested_target_id=1`, { redirect: 'manual' });

    expect(response.status).toBe(404);
  });

  it('It should answer installing twice on one account with the same installation and setup_action=update', async () => {
    const first = await started.install(accountId(started, 'acme'));
    const second = await started.install(accountId(started, 'acme'));

    expect(second.get('installation_id')).toBe(first.get('installation_id'));
    expect(second.get('setup_action')).toBe('update');
  });
});

describe('the code exchange', () => {
  it('It should exchange the install page\'s code for a user token through createAppAuth', async () => {
    const query = await started.install(accountId(started, 'acme'));

    expect(await userToken(query.get('code') ?? '')).toMatch(/^ghu_/);
  });

  it('It should answer JSON with accept: application/json and a form otherwise', async () => {
    const [first, second] = [await started.install(accountId(started, 'acme')), await started.install(accountId(started, 'globex'))];
    const credentials = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

    const json = await exchange({ ...credentials, code: first.get('code') ?? '' });
    const form = await exchange({ ...credentials, code: second.get('code') ?? '' }, '*/*');

    expect(await json.json()).toMatchObject({ access_token: expect.stringMatching(/^ghu_/), token_type: 'bearer' });
    expect(new URLSearchParams(await form.text()).get('access_token')).toMatch(/^ghu_/);
  });

  it('It should refuse a code used twice with bad_verification_code', async () => {
    const code = (await started.install(accountId(started, 'acme'))).get('code') ?? '';
    await exchange({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code });

    const again = await exchange({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code });

    expect(await again.json()).toMatchObject({ error: 'bad_verification_code' });
  });

  it('It should refuse a wrong client secret with incorrect_client_credentials', async () => {
    const code = (await started.install(accountId(started, 'acme'))).get('code') ?? '';

    expect(await (await exchange({ client_id: CLIENT_ID, client_secret: 'wrong', code })).json()).toMatchObject({ error: 'incorrect_client_credentials' });
  });
});

describe('GET /user/installations', () => {
  it('It should list only the installations the user behind the code can access', async () => {
    const acme = await started.install(accountId(started, 'acme'));
    await started.install(accountId(started, 'globex'));
    const user = new Octokit({ baseUrl: started.emulator.url, auth: await userToken(acme.get('code') ?? '') });

    const { data } = await user.rest.apps.listInstallationsForAuthenticatedUser();

    expect(data.installations.map((entry) => entry.id)).toEqual([Number(acme.get('installation_id'))]);
    expect(data.total_count).toBe(1);
  });

  it('It should list nothing for a user of another organization, given a code by the control', async () => {
    await started.install(accountId(started, 'acme'));
    const { code } = (await (await started.control('POST', '/oauth/codes', { login: 'gus' })).json()) as { code: string };
    const user = new Octokit({ baseUrl: started.emulator.url, auth: await userToken(code) });

    expect((await user.rest.apps.listInstallationsForAuthenticatedUser()).data.installations).toEqual([]);
  });

  it('It should answer GET /user as the user behind the code', async () => {
    const code = (await started.install(accountId(started, 'globex'))).get('code') ?? '';
    const user = new Octokit({ baseUrl: started.emulator.url, auth: await userToken(code) });

    expect((await user.rest.users.getAuthenticated()).data).toMatchObject({ login: 'gus', type: 'User' });
  });

  it('It should refuse a token that is not a user\'s with 403', async () => {
    const installation = Number((await started.install(accountId(started, 'acme'))).get('installation_id'));
    await expect(started.appOctokit(installation).rest.apps.listInstallationsForAuthenticatedUser()).rejects.toMatchObject({ status: 403 });
  });
});

describe('a dataset written for the collector', () => {
  it('It should install on the demo organization, which names no members or owners, as its first active member', async () => {
    const { privateKey } = keyPair();
    const emulator = await startGithubEmulator({ port: 0, datasetPath: DEMO_DATASET_PATH, app: { id: 1, slug: 'demo', privateKey, webhookSecret: 's', setupUrl: 'http://app.invalid/callback' } });
    try {
      const org = emulator.store.accounts.get('techstartup');
      const response = await fetch(`${emulator.url}/apps/demo/installations/new?state=s&suggested_target_id=${org?.id}`, { redirect: 'manual' });
      const code = new URL(response.headers.get('location') ?? '').searchParams.get('code');
      const exchanged = await fetch(`${emulator.url}/login/oauth/access_token?client_id=Iv1.0000000000000001&code=${code}`, { method: 'POST', headers: { accept: 'application/json' } });
      const user = new Octokit({ baseUrl: emulator.url, auth: ((await exchanged.json()) as { access_token: string }).access_token });

      expect(response.status).toBe(302);
      expect((await user.rest.apps.listInstallationsForAuthenticatedUser()).data.installations[0]?.account).toMatchObject({ login: 'techstartup' });
    } finally {
      await emulator.close();
    }
  });
});
