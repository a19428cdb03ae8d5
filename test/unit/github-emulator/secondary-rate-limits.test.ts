import { afterEach, describe, expect, it } from 'vitest';
import { GITHUB_SECONDARY_LIMITS } from '../../../src/local/github-emulator/secondary-rate-limit';
import { installedOn, startApp } from './app-fixture';
import { get, startFixture, type Started } from './fixture';

/** GitHub's secondary rate limits: 403 (or 429) with retry-after and the message Octokit's throttling plugin looks for. */
let started: Started | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

/** What @octokit/plugin-throttling tests a 403's message with to call it a secondary limit. */
const SECONDARY = /\bsecondary rate\b/i;
const token = { authorization: 'token operator' };

async function setFault(fault: unknown): Promise<void> {
  const response = await fetch(`${started?.emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  expect(response.status).toBe(200);
}

describe('secondary rate limits', () => {
  it('It should keep GitHub\'s documented limits by default', () => {
    expect(GITHUB_SECONDARY_LIMITS).toMatchObject({ concurrent: 100, pointsPerMinute: 900, contentPerMinute: 80, contentPerHour: 500 });
  });

  it('It should answer the secondary_limited fault with 403, retry-after and GitHub\'s message', async () => {
    started = await startFixture();
    await setFault({ mode: 'secondary_limited', retryAfter: 30 });

    const response = await get(started.emulator, '/repos/acme/app', token);
    const body = (await response.json()) as { message: string; documentation_url: string };

    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(body.message).toMatch(SECONDARY);
    expect(body.message).toContain(String(response.headers.get('x-github-request-id')));
    expect(body.documentation_url).toContain('#about-secondary-rate-limits');
  });

  it('It should leave the primary limit untouched when refusing with a secondary limit', async () => {
    started = await startFixture();
    await setFault({ mode: 'secondary_limited' });

    const response = await get(started.emulator, '/repos/acme/app', token);

    expect(response.headers.get('x-ratelimit-remaining')).toBe('5000');
  });

  it('It should answer 429 when the fault asks for it, and heal after its times', async () => {
    started = await startFixture();
    await setFault({ mode: 'secondary_limited', status: 429, times: 1 });

    const refused = await get(started.emulator, '/repos/acme/app', token);
    const next = await get(started.emulator, '/repos/acme/app', token);

    expect(refused.status).toBe(429);
    expect(next.status).toBe(200);
  });

  it('It should refuse past the points a minute of one endpoint, with the seconds left in the minute', async () => {
    started = await startFixture(undefined, { rateLimits: { secondary: { pointsPerMinute: 3 } } });
    for (let index = 0; index < 3; index += 1) expect((await get(started.emulator, '/repos/acme/app', token)).status).toBe(200);

    const refused = await get(started.emulator, '/repos/acme/app', token);
    const retryAfter = Number(refused.headers.get('retry-after'));

    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(SECONDARY);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('It should count the points of each endpoint apart', async () => {
    started = await startFixture(undefined, { rateLimits: { secondary: { pointsPerMinute: 1 } } });
    await get(started.emulator, '/repos/acme/app', token);

    expect((await get(started.emulator, '/repos/acme/app/commits', token)).status).toBe(200);
  });

  it('It should refuse a request past the concurrent requests allowed', async () => {
    started = await startFixture(undefined, { rateLimits: { secondary: { concurrent: 1, retryAfterS: 5 } } });
    await setFault({ mode: 'slow', delayMs: 200 });

    const [first, second] = await Promise.all([get(started.emulator, '/repos/acme/app', token), get(started.emulator, '/repos/acme/site', token)]);

    expect([first.status, second.status]).toEqual([200, 403]);
    expect(second.headers.get('retry-after')).toBe('5');
  });

  it('It should refuse content-creating requests past those allowed a minute', async () => {
    const app = await startApp({}, { rateLimits: { secondary: { contentPerMinute: 1 } } });
    started = app;
    const id = await installedOn(app, 'acme');
    await app.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id });

    await expect(app.appOctokit().rest.apps.createInstallationAccessToken({ installation_id: id })).rejects.toMatchObject({
      status: 403, response: { headers: { 'retry-after': expect.any(String) }, data: { message: expect.stringMatching(SECONDARY) } },
    });
  });
});
