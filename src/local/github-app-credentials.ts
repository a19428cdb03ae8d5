import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The local stack's GitHub App: what GitHub would show the operator after registering it. */
export interface LocalGithubApp {
  readonly id: number;
  readonly slug: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** PKCS#8 PEM, as GitHub hands out (PKCS#1 there; `@octokit/auth-app` reads both). */
  readonly privateKey: string;
  readonly webhookSecret: string;
}

/** Fixed, so URLs (`/apps/devinsights-local/installations/new`) stay the same from one data folder to the next. */
export const LOCAL_GITHUB_APP_ID = 4242;
export const LOCAL_GITHUB_APP_SLUG = 'devinsights-local';
export const LOCAL_GITHUB_APP_CLIENT_ID = 'Iv1.devinsightslocal';
export const LOCAL_GITHUB_APP_FILE = 'github-app.json';

/** A fresh registration (a new key pair and secrets), as GitHub makes when an app is created. */
export function newGithubApp(): LocalGithubApp {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return {
    id: LOCAL_GITHUB_APP_ID,
    slug: LOCAL_GITHUB_APP_SLUG,
    clientId: LOCAL_GITHUB_APP_CLIENT_ID,
    clientSecret: randomBytes(20).toString('hex'),
    privateKey,
    webhookSecret: randomBytes(32).toString('base64url'),
  };
}

/**
 * The GitHub App of the local stack, made once per data folder (mode 600,
 * like `app-secret`) and kept, so installations' webhooks and stored state
 * stay valid across restarts. The emulator plays GitHub with it; the API
 * gets the same values as its configuration.
 */
export async function localGithubApp(dataDir: string): Promise<LocalGithubApp> {
  const file = join(dataDir, LOCAL_GITHUB_APP_FILE);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalGithubApp;
  } catch {
    // `wx`: two stacks starting on one folder at once keep whichever was written first.
    await writeFile(file, `${JSON.stringify(newGithubApp(), null, 2)}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return JSON.parse(await readFile(file, 'utf8')) as LocalGithubApp;
  }
}

/** The app's configuration for the API (src/config.ts). */
export function githubAppEnvironment(app: LocalGithubApp): Record<string, string> {
  return {
    GITHUB_APP_ID: String(app.id),
    GITHUB_APP_SLUG: app.slug,
    GITHUB_APP_CLIENT_ID: app.clientId,
    GITHUB_APP_CLIENT_SECRET: app.clientSecret,
    GITHUB_APP_PRIVATE_KEY: app.privateKey,
    GITHUB_APP_WEBHOOK_SECRET: app.webhookSecret,
  };
}
