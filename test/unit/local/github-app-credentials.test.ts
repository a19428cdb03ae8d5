import { createPrivateKey } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../../src/config';
import { githubAppEnvironment, LOCAL_GITHUB_APP_FILE, localGithubApp } from '../../../src/local/github-app-credentials';

describe('the local GitHub App', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'devinsights-github-app-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('It should make an RSA private key, a webhook secret and a client secret, with the fixed id and slug', async () => {
    const app = await localGithubApp(dataDir);
    expect(app).toMatchObject({ id: 4242, slug: 'devinsights-local', clientId: 'Iv1.devinsightslocal' });
    expect(createPrivateKey(app.privateKey).asymmetricKeyType).toBe('rsa');
    expect(app.webhookSecret.length).toBeGreaterThanOrEqual(32);
    expect(app.clientSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('It should keep the same app across restarts on one data folder', async () => {
    const first = await localGithubApp(dataDir);
    expect(await localGithubApp(dataDir)).toEqual(first);
  });

  it('It should make another app for another data folder', async () => {
    const other = await mkdtemp(join(tmpdir(), 'devinsights-github-app-'));
    try {
      expect((await localGithubApp(other)).webhookSecret).not.toBe((await localGithubApp(dataDir)).webhookSecret);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('It should keep the file readable by its owner only (mode 600)', async () => {
    await localGithubApp(dataDir);
    expect((await stat(join(dataDir, LOCAL_GITHUB_APP_FILE))).mode & 0o777).toBe(0o600);
  });

  it('It should hand the API a configuration it parses: id, slug, client id, and the secrets', async () => {
    const app = await localGithubApp(dataDir);
    const parsed = parseAppConfig({ USER_POOL_ID: 'pool', USER_POOL_CLIENT_ID: 'client', ...githubAppEnvironment(app) });
    expect(parsed.githubApp).toEqual({ id: 4242, slug: 'devinsights-local', clientId: 'Iv1.devinsightslocal' });
    expect(parsed.secrets.githubWebhook.value).toBe(app.webhookSecret);
    expect(JSON.parse(parsed.secrets.githubApp.value ?? '{}')).toEqual({ privateKey: app.privateKey, clientSecret: app.clientSecret });
  });
});
