import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GithubDatasetError } from '../../../src/local/github-emulator';
import { appOptionsFrom } from '../../../src/local/github-emulator/app-config';
import { keyPair } from './app-fixture';

/** The app's configuration as the CLI and `npm start` give it: flags, or GITHUB_APP_* variables. */
describe('the app configuration', () => {
  it('It should have no app side when nothing is configured', () => {
    expect(appOptionsFrom({}, {})).toBeUndefined();
  });

  it('It should read the app from the environment, the PEM with escaped line breaks included', () => {
    const { privateKey } = keyPair();

    const options = appOptionsFrom({}, {
      GITHUB_APP_ID: '12', GITHUB_APP_SLUG: 'devinsights', GITHUB_APP_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
      GITHUB_APP_WEBHOOK_SECRET: 's', GITHUB_APP_WEBHOOK_URL: 'http://localhost:3000/webhooks/github',
    });

    expect(options).toMatchObject({ id: 12, slug: 'devinsights', webhookSecret: 's', webhookUrl: 'http://localhost:3000/webhooks/github' });
  });

  it('It should prefer flags, reading the key from --app-private-key-file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'github-app-'));
    try {
      const { privateKey } = keyPair();
      await writeFile(join(dir, 'app.pem'), privateKey);

      const options = appOptionsFrom({ 'app-id': '7', 'app-slug': 'flagged', 'app-private-key-file': join(dir, 'app.pem'), 'app-webhook-secret': 'w' }, { GITHUB_APP_ID: '12' });

      expect(options).toMatchObject({ id: 7, slug: 'flagged', privateKey });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('It should name what is missing when the app is configured in part', () => {
    expect(() => appOptionsFrom({ 'app-id': '7' }, {})).toThrow(new GithubDatasetError('The GitHub App needs --app-slug (GITHUB_APP_SLUG), --app-private-key-file (GITHUB_APP_PRIVATE_KEY_FILE or GITHUB_APP_PRIVATE_KEY), --app-webhook-secret (GITHUB_APP_WEBHOOK_SECRET) as well.'));
  });
});
