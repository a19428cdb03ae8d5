import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubEmulator, type GithubEmulator } from '../../../src/local/github-emulator';
import { APP_ID, APP_SLUG, appDataset, CLIENT_ID, CLIENT_SECRET, keyPair, SETUP_URL, WEBHOOK_SECRET } from './app-fixture';

/**
 * `npm start` keeps the emulator's installations in its data folder: stopped
 * and started again, GitHub still has the installation the product stored.
 */
let dir: string;
let file: string;
const { privateKey } = keyPair();
const running: GithubEmulator[] = [];

async function start(): Promise<GithubEmulator> {
  const emulator = await startGithubEmulator({
    port: 0,
    dataset: appDataset(),
    controls: true,
    installationsFile: file,
    app: { id: APP_ID, slug: APP_SLUG, privateKey, webhookSecret: WEBHOOK_SECRET, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, setupUrl: SETUP_URL },
  });
  running.push(emulator);
  return emulator;
}

async function install(emulator: GithubEmulator, login: string): Promise<number> {
  const id = emulator.store.accounts.get(login)?.id;
  const response = await fetch(`${emulator.url}/apps/${APP_SLUG}/installations/new?state=s&suggested_target_id=${id}`, { redirect: 'manual' });
  return Number(new URL(response.headers.get('location') ?? '').searchParams.get('installation_id'));
}

async function stop(emulator: GithubEmulator): Promise<void> {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
}

const control = (emulator: GithubEmulator, method: string, path: string) => fetch(`${emulator.url}/_emulator${path}`, { method });
const savedIds = async () => (JSON.parse(await readFile(file, 'utf8')) as { id: number }[]).map((entry) => entry.id);

function asInstallation(emulator: GithubEmulator, installationId: number): Octokit {
  return new Octokit({
    baseUrl: emulator.url,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    authStrategy: createAppAuth,
    auth: { appId: APP_ID, privateKey, installationId },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'installation-state-'));
  file = join(dir, 'github-installations.json');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('installations kept across restarts', () => {
  it('It should find an installation made before the restart under the same id, on the same account', async () => {
    const first = await start();
    const id = await install(first, 'globex');
    await stop(first);

    const second = await start();
    const { data } = await asInstallation(second, id).rest.repos.get({ owner: 'globex', repo: 'vault' });

    expect(data.private).toBe(true);
    expect(await install(second, 'globex')).toBe(id);
    expect(await savedIds()).toEqual([id]);
  });

  it('It should forget an installation removed before the restart', async () => {
    const first = await start();
    const id = await install(first, 'globex');
    expect((await control(first, 'DELETE', `/installations/${id}`)).status).toBe(204);
    await stop(first);

    const second = await start();

    expect(await savedIds()).toEqual([]);
    await expect(asInstallation(second, id).rest.repos.get({ owner: 'globex', repo: 'vault' })).rejects.toMatchObject({ status: 404 });
  });

  it('It should keep a suspension across the restart', async () => {
    const first = await start();
    const id = await install(first, 'globex');
    await control(first, 'POST', `/installations/${id}/suspend`);
    await stop(first);

    await start();

    const saved = JSON.parse(await readFile(file, 'utf8')) as { id: number; suspendedAt: number | null; suspendedBy: string | null }[];
    expect(saved).toEqual([expect.objectContaining({ id, suspendedAt: expect.any(Number), suspendedBy: 'gus' })]);
  });
});
