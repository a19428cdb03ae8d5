import { afterEach, describe, expect, it } from 'vitest';
import { installationLimit } from '../../../src/local/github-emulator/rate-limit';
import { accountId, startApp, type StartedApp } from './app-fixture';

/** Installation tokens count against their installation's own limit, GitHub's, with the usual x-ratelimit-* headers. */
let started: StartedApp | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

async function tokenFor(app: StartedApp, login: string): Promise<string> {
  const id = Number((await app.install(accountId(app, login))).get('installation_id'));
  return (await app.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).data.token;
}

const read = (app: StartedApp, token: string, path: string) => fetch(`${app.emulator.url}${path}`, { headers: { authorization: `token ${token}` } });

describe('installation rate limits', () => {
  it('It should give 5,000 an hour to an installation of up to 20 repositories and users', () => {
    expect(installationLimit(20, 20)).toBe(5000);
  });

  it('It should add 50 an hour for each repository and each user beyond 20', () => {
    expect(installationLimit(30, 25)).toBe(5000 + 50 * 10 + 50 * 5);
  });

  it('It should cap an installation at 12,500 an hour', () => {
    expect(installationLimit(500, 500)).toBe(12_500);
  });

  it('It should send the installation\'s x-ratelimit-* headers on its requests', async () => {
    started = await startApp();
    const token = await tokenFor(started, 'acme');

    const response = await read(started, token, '/repos/acme/app');

    expect(response.status).toBe(200);
    expect(Object.fromEntries(['limit', 'remaining', 'used', 'resource'].map((name) => [name, response.headers.get(`x-ratelimit-${name}`)]))).toEqual({
      limit: '5000', remaining: '4999', used: '1', resource: 'core',
    });
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('It should share one budget between the tokens of one installation', async () => {
    started = await startApp();
    const [first, second] = [await tokenFor(started, 'acme'), await tokenFor(started, 'acme')];
    await read(started, first, '/repos/acme/app');

    expect((await read(started, second, '/repos/acme/app')).headers.get('x-ratelimit-remaining')).toBe('4998');
  });

  it('It should refuse an installation that used its budget with 403 while another installation keeps answering', async () => {
    started = await startApp({}, { rateLimits: { installation: { base: 3, max: 3 } } });
    const [acme, globex] = [await tokenFor(started, 'acme'), await tokenFor(started, 'globex')];
    for (let index = 0; index < 3; index += 1) expect((await read(started, acme, '/repos/acme/app')).status).toBe(200);

    const refused = await read(started, acme, '/repos/acme/app');
    const other = await read(started, globex, '/repos/globex/vault');

    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({ message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/) });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('2');
  });
});
