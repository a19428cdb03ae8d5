import { expect } from 'vitest';
import { unique } from './accounts';
import { pollUntil } from './polling';
import { api, stack } from './stack';

/**
 * Connecting an organization to GitHub as an admin does it: the connect
 * call, GitHub's install page (the emulator's, as the account's owner
 * clicking "Install"), and the setup redirect back to our callback. By
 * default against the shared stack; a private API passes its own URLs.
 */
export interface GithubSide {
  /** The API the admin calls (default: the shared stack's). */
  readonly apiUrl?: string;
  /** The GitHub emulator (default: the shared stack's). */
  readonly githubUrl?: string;
}

const githubOf = (side: GithubSide) => side.githubUrl ?? stack().githubUrl;

export async function emulator<T = any>(path: string, init: { method?: string; json?: unknown } = {}, side: GithubSide = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, githubOf(side)), {
    method: init.method ?? 'GET',
    ...(init.json !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

export async function accountId(login: string, side: GithubSide = {}): Promise<number> {
  const { status, body } = await emulator<{ id: number }>(`/users/${login}`, {}, side);
  if (status !== 200) throw new Error(`the emulator has no account ${login}`);
  return body.id;
}

export async function startConnect(admin: { accessToken: string }, side: GithubSide = {}): Promise<URL> {
  const response = await api<{ installUrl: string }>('/integrations/github/connect', {
    method: 'POST',
    token: admin.accessToken,
    ...(side.apiUrl ? { baseUrl: side.apiUrl } : {}),
  });
  expect(response.status).toBe(200);
  return new URL(response.body.installUrl);
}

/** The install page, as the account's owner clicking "Install": its 302 to our callback. */
export async function install(installUrl: URL, login: string, side: GithubSide = {}): Promise<URL> {
  const page = new URL(`${installUrl.pathname}${installUrl.search}`, githubOf(side));
  page.searchParams.set('suggested_target_id', String(await accountId(login, side)));
  const response = await fetch(page, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

/** GitHub's setup redirect reaching our callback, asked for JSON instead of the browser's redirect. */
export function callback(location: URL, side: GithubSide = {}) {
  return api(`${location.pathname}${location.search}`, { headers: { accept: 'application/json' }, ...(side.apiUrl ? { baseUrl: side.apiUrl } : {}) });
}

export async function connect(admin: { accessToken: string }, login: string, side: GithubSide = {}) {
  return callback(await install(await startConnect(admin, side), login, side), side);
}

/** Connects, failing the test unless the organization is then connected to `login`. */
export async function connectGithub(admin: { accessToken: string }, login: string, side: GithubSide = {}): Promise<void> {
  const connected = await connect(admin, login, side);
  if (connected.status !== 200) throw new Error(`connecting ${login} answered ${connected.status}: ${JSON.stringify(connected.body)}`);
}

/** Polls `GET /sync` (the sync runs on the queue) until `done` holds for what it shows, and answers that. */
export async function syncUntil(
  admin: { accessToken: string },
  done: (sync: Record<string, any>) => boolean,
  side: GithubSide = {},
  timeoutMs = 60_000,
): Promise<Record<string, any>> {
  const read = async () => {
    const sync = await api('/sync', { token: admin.accessToken, ...(side.apiUrl ? { baseUrl: side.apiUrl } : {}) });
    if (sync.status !== 200) throw new Error(`GET /sync answered ${sync.status}: ${JSON.stringify(sync.body)}`);
    return sync.body as Record<string, any>;
  };
  return pollUntil(read, done, { timeoutMs, intervalMs: 100, what: 'GET /sync did not get there' });
}

/**
 * Waits until the organization's first sync (started by connecting) has
 * finished; analytics answer 202 before. Fails the test on a failed sync.
 */
export async function firstSyncFinished(admin: { accessToken: string }, side: GithubSide = {}): Promise<Record<string, any>> {
  const sync = await syncUntil(admin, (shown) => shown.status === 'failed' || (shown.status === 'idle' && !!shown.finishedAt), side);
  if (sync.status === 'failed') throw new Error(`The first sync failed: ${sync.lastError}`);
  return sync;
}

/** Connects and waits for the first sync: from then on the organization's analytics answer. */
export async function connectAndSync(admin: { accessToken: string }, login: string, side: GithubSide = {}): Promise<void> {
  await connectGithub(admin, login, side);
  await firstSyncFinished(admin, side);
}

/**
 * A GitHub organization of the test's own, with everything the demo's
 * `techstartup` has (repositories, private ones included, and their
 * history): GitHub lets one account install an app once, so every test that
 * connects needs an account nobody else connects.
 */
export async function copyOfDemoOrganization(side: GithubSide = {}, copyOf = 'techstartup'): Promise<string> {
  const copied = await emulator<{ login: string }>('/_emulator/organizations', { method: 'POST', json: { login: unique(copyOf), copyOf } }, side);
  if (copied.status !== 201) throw new Error(`copying ${copyOf} answered ${copied.status}: ${JSON.stringify(copied.body)}`);
  return copied.body.login;
}
