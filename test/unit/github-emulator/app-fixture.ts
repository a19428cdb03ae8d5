import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import type { GithubAppOptions } from '../../../src/local/github-emulator';
import { fixtureDataset, startFixture, type Started } from './fixture';

/**
 * The emulator with a GitHub App configured, as the product will run it:
 * a key pair made here with node:crypto, the fixture dataset plus a second
 * organization `globex` (private `globex/vault`, member gus), a setup URL,
 * and a webhook receiver on a free port that tests await deliveries from.
 */
export const APP_ID = 4242;
export const APP_SLUG = 'devinsights-test';
export const WEBHOOK_SECRET = 'the-webhook-secret';
export const CLIENT_ID = 'Iv1.testclient';
export const CLIENT_SECRET = 'test-client-secret';
export const SETUP_URL = 'http://app.invalid/integrations/github/callback';

export function keyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

export function appDataset() {
  const base = fixtureDataset();
  return {
    ...base,
    organizations: [...base.organizations, { login: 'globex', name: 'Globex', id: 7_000_001, members: ['gus'], owners: ['gus'] }],
    users: [...base.users, { login: 'gus', name: 'Gus Globex' }],
    repositories: [...base.repositories, { owner: 'globex', name: 'vault', private: true }],
    commits: [...base.commits, { repo: 'globex/vault', author: 'gus', date: '2025-03-02T10:00:00Z', message: 'secret plans' }],
  };
}

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Collects webhook POSTs; `next()` resolves with the next one (or one already waiting). */
export class Receiver {
  private readonly queue: Received[] = [];
  private readonly waiting: ((received: Received) => void)[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(202).end();
        receiver.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/github`;
  }

  private push(received: Received): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(received);
    else this.queue.push(received);
  }

  next(): Promise<Received> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export interface StartedApp extends Started {
  readonly privateKey: string;
  readonly receiver: Receiver;
  /** An Octokit authenticating as the app (`createAppAuth`); with `installationId`, as that installation. */
  appOctokit(installationId?: number, privateKey?: string): Octokit;
  /** Installs the app through the install page, as the account's owner would; the callback's query. */
  install(accountId: number, state?: string): Promise<URLSearchParams>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export async function startApp(app: Partial<GithubAppOptions> = {}, options: Parameters<typeof startFixture>[1] = {}): Promise<StartedApp> {
  const { privateKey } = keyPair();
  const receiver = await Receiver.start();
  const started = await startFixture(appDataset(), {
    ...options,
    app: {
      id: APP_ID, slug: APP_SLUG, privateKey, webhookSecret: WEBHOOK_SECRET, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET,
      setupUrl: SETUP_URL, webhookUrl: receiver.url, ...app,
    },
  });
  const { emulator } = started;
  return {
    ...started,
    privateKey,
    receiver,
    appOctokit: (installationId, key = privateKey) =>
      new Octokit({
        baseUrl: emulator.url,
        log: quiet,
        authStrategy: createAppAuth,
        auth: { appId: APP_ID, privateKey: key, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...(installationId ? { installationId } : {}) },
      }),
    install: async (accountId, state = 'signed-state') => {
      const response = await fetch(`${emulator.url}/apps/${APP_SLUG}/installations/new?state=${state}&suggested_target_id=${accountId}`, { redirect: 'manual' });
      const location = response.headers.get('location') ?? '';
      if (response.status !== 302 || !location.startsWith(SETUP_URL)) throw new Error(`The install page answered ${response.status} ${location}`);
      return new URL(location).searchParams;
    },
    control: (method, path, body) =>
      fetch(`${emulator.url}/_emulator${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    stop: async () => {
      await emulator.webhooks.idle();
      await started.stop();
      await receiver.close();
    },
  };
}

export function accountId(started: Started, login: string): number {
  const account = started.emulator.store.accounts.get(login);
  if (!account) throw new Error(`no account ${login}`);
  return account.id;
}

/** Installs the app on the account through the install page and waits for its installation.created; the installation's id. */
export async function installedOn(started: StartedApp, login: string): Promise<number> {
  const id = Number((await started.install(accountId(started, login))).get('installation_id'));
  await started.receiver.next();
  return id;
}

/** Installs the app on `login`'s account and mints a token of that installation. */
export async function installationToken(app: StartedApp, login: string): Promise<string> {
  const id = await installedOn(app, login);
  return (await app.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).data.token;
}
