import { readFileSync } from 'node:fs';
import { GithubDatasetError } from './errors';
import type { GithubAppOptions } from './github-app';

/**
 * The app's configuration from CLI flags or the environment (a flag wins):
 * `--app-id`/`GITHUB_APP_ID`, `--app-slug`/`GITHUB_APP_SLUG`,
 * `--app-private-key-file`/`GITHUB_APP_PRIVATE_KEY_FILE` or the PEM itself in
 * `GITHUB_APP_PRIVATE_KEY` (`\n` escapes allowed), `--app-webhook-secret`/
 * `GITHUB_APP_WEBHOOK_SECRET`, and optionally `--app-client-id`,
 * `--app-client-secret`, `--app-setup-url`, `--app-webhook-url` (and their
 * `GITHUB_APP_*` variables). None of them: no app side. Some but not all of
 * the four required ones: an error naming what is missing.
 */
export const APP_FLAGS = {
  'app-id': 'GITHUB_APP_ID',
  'app-slug': 'GITHUB_APP_SLUG',
  'app-private-key-file': 'GITHUB_APP_PRIVATE_KEY_FILE',
  'app-webhook-secret': 'GITHUB_APP_WEBHOOK_SECRET',
  'app-client-id': 'GITHUB_APP_CLIENT_ID',
  'app-client-secret': 'GITHUB_APP_CLIENT_SECRET',
  'app-setup-url': 'GITHUB_APP_SETUP_URL',
  'app-webhook-url': 'GITHUB_APP_WEBHOOK_URL',
} as const;

export type AppFlag = keyof typeof APP_FLAGS;

export function appOptionsFrom(flags: Partial<Record<AppFlag, string | undefined>>, env: NodeJS.ProcessEnv): GithubAppOptions | undefined {
  const value = (flag: AppFlag) => flags[flag] ?? (env[APP_FLAGS[flag]] || undefined);
  const keyFile = value('app-private-key-file');
  const privateKey = keyFile ? readFileSync(keyFile, 'utf8') : env['GITHUB_APP_PRIVATE_KEY'] || undefined;
  const required = { 'app-id': value('app-id'), 'app-slug': value('app-slug'), 'app-private-key-file': privateKey, 'app-webhook-secret': value('app-webhook-secret') };
  const missing = Object.entries(required).filter(([, given]) => given === undefined).map(([flag]) => `--${flag} (${APP_FLAGS[flag as AppFlag]}${flag === 'app-private-key-file' ? ' or GITHUB_APP_PRIVATE_KEY' : ''})`);
  if (missing.length === 4) return undefined;
  if (missing.length > 0) throw new GithubDatasetError(`The GitHub App needs ${missing.join(', ')} as well.`);
  const id = Number(required['app-id']);
  if (!Number.isInteger(id) || id <= 0) throw new GithubDatasetError(`--app-id must be a positive integer, not "${required['app-id']}"`);
  const optional = (flag: AppFlag, name: 'clientId' | 'clientSecret' | 'setupUrl' | 'webhookUrl') => {
    const given = value(flag);
    return given === undefined ? {} : { [name]: given };
  };
  return {
    id, slug: String(required['app-slug']), privateKey: String(privateKey), webhookSecret: String(required['app-webhook-secret']),
    ...optional('app-client-id', 'clientId'), ...optional('app-client-secret', 'clientSecret'),
    ...optional('app-setup-url', 'setupUrl'), ...optional('app-webhook-url', 'webhookUrl'),
  };
}
