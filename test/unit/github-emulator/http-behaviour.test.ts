import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatsSnapshot } from '../../../src/local/github-emulator';
import { get, startFixture, type Started } from './fixture';

let fixture: Started;

beforeEach(async () => {
  fixture = await startFixture();
});

afterEach(async () => {
  await fixture.stop();
});

function links(header: string | null): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of header?.split(',') ?? []) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (match?.[1] && match[2]) found[match[2]] = match[1];
  }
  return found;
}

async function fault(started: Started, body: unknown): Promise<Response> {
  return fetch(`${started.emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('pagination', () => {
  it('sends 30 a page by default, with next and last links built from the request\'s host', async () => {
    const response = await get(fixture.emulator, '/repos/acme/app/commits?author=ann');

    expect(await response.json()).toHaveLength(30);
    const rel = links(response.headers.get('link'));
    expect(Object.keys(rel).sort()).toEqual(['last', 'next']);
    expect(rel['next']).toBe(`${fixture.emulator.url}/repos/acme/app/commits?author=ann&page=2`);
    expect(rel['last']).toBe(`${fixture.emulator.url}/repos/acme/app/commits?author=ann&page=3`);
  });

  it('links a middle page to prev, next, last and first, keeping the other parameters', async () => {
    const response = await get(fixture.emulator, '/repos/acme/app/commits?author=ann&per_page=10&page=4');

    const rel = links(response.headers.get('link'));
    expect(rel).toEqual({
      prev: `${fixture.emulator.url}/repos/acme/app/commits?author=ann&per_page=10&page=3`,
      next: `${fixture.emulator.url}/repos/acme/app/commits?author=ann&per_page=10&page=5`,
      last: `${fixture.emulator.url}/repos/acme/app/commits?author=ann&per_page=10&page=8`,
      first: `${fixture.emulator.url}/repos/acme/app/commits?author=ann&per_page=10&page=1`,
    });
  });

  it('caps per_page at 100', async () => {
    const response = await get(fixture.emulator, '/repos/acme/app/commits?per_page=500');

    expect(await response.json()).toHaveLength(83);
    expect(response.headers.get('link')).toBeNull();
  });

  it('lets octokit.paginate walk every page through the links', async () => {
    const octokit = fixture.octokit('t');

    const commits = await octokit.paginate(octokit.rest.repos.listCommits, { owner: 'acme', repo: 'app', author: 'ann', per_page: 20 });

    expect(commits).toHaveLength(76);
    expect(new Set(commits.map((commit) => commit.sha)).size).toBe(76);
    expect(fixture.emulator.stats.snapshot().byRoute['GET /repos/{owner}/{repo}/commits']).toBe(4);
  });

  it('answers a page past the end with [] and links back', async () => {
    const response = await get(fixture.emulator, '/repos/acme/app/commits?author=ann&page=9');

    expect(await response.json()).toEqual([]);
    expect(Object.keys(links(response.headers.get('link')))).toEqual(['prev', 'first']);
  });
});

describe('conditional requests', () => {
  it('sends a weak ETag and answers a matching If-None-Match with an empty 304 that costs nothing', async () => {
    const auth = { authorization: 'token abc' };
    const first = await get(fixture.emulator, '/repos/acme/app/pulls?state=all', auth);
    const etag = first.headers.get('etag') ?? '';

    const second = await get(fixture.emulator, '/repos/acme/app/pulls?state=all', { ...auth, 'if-none-match': etag });

    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
  });

  it('answers 200 to an ETag another token was given, as GitHub does (its ETags are specific to the token; installation tokens last an hour)', async () => {
    const first = await get(fixture.emulator, '/repos/acme/app/pulls?state=all', { authorization: 'token old-installation-token' });
    const etag = first.headers.get('etag') ?? '';

    const renewed = await get(fixture.emulator, '/repos/acme/app/pulls?state=all', { authorization: 'token new-installation-token', 'if-none-match': etag });

    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('etag')).not.toBe(etag);
    expect(await renewed.json()).toEqual(await first.json());
  });

  it('answers 200 when the ETag does not match', async () => {
    const response = await get(fixture.emulator, '/users/ann', { 'if-none-match': 'W/"stale"' });

    expect(response.status).toBe(200);
  });

  it('surfaces the 304 through Octokit as a RequestError with status 304', async () => {
    const octokit = fixture.octokit('t');
    const { headers } = await octokit.rest.users.getByUsername({ username: 'ann' });

    const error = await octokit.rest.users.getByUsername({ username: 'ann', headers: { 'if-none-match': headers.etag ?? '' } }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 304 });
  });
});

describe('rate limits', () => {
  it('sends GitHub\'s x-ratelimit headers: 5000 an hour with a token, 60 without', async () => {
    const withToken = await get(fixture.emulator, '/users/ann', { authorization: 'Bearer one' });
    const anonymous = await get(fixture.emulator, '/users/ann');
    const now = Date.now() / 1000;

    expect(withToken.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(withToken.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(withToken.headers.get('x-ratelimit-used')).toBe('1');
    expect(withToken.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(withToken.headers.get('x-ratelimit-reset'))).toBeGreaterThan(now + 3500);
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60');
    expect(anonymous.headers.get('x-ratelimit-remaining')).toBe('59');
  });

  it('counts each token on its own', async () => {
    await get(fixture.emulator, '/users/ann', { authorization: 'token a' });
    await get(fixture.emulator, '/users/ann', { authorization: 'token a' });

    const other = await get(fixture.emulator, '/users/ann', { authorization: 'token b' });

    expect(other.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  it('answers 403 with x-ratelimit-remaining 0, a future reset and no retry-after once the hour\'s requests are used', async () => {
    const small = await startFixture(undefined, { rateLimits: { core: { unauthenticated: 2 } } });
    try {
      await get(small.emulator, '/users/ann');
      await get(small.emulator, '/users/ben');

      const refused = await get(small.emulator, '/users/ann');

      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(refused.headers.get('retry-after')).toBeNull();
      expect(await refused.json()).toEqual({
        message: "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      });
    } finally {
      await small.stop();
    }
  });

  it('limits searches on their own: 30 a minute with a token', async () => {
    const small = await startFixture(undefined, { rateLimits: { search: { authenticated: 1 } } });
    try {
      const auth = { authorization: 'token s' };
      const first = await get(small.emulator, '/search/issues?q=org:acme', auth);
      const refused = await get(small.emulator, '/search/issues?q=org:acme', auth);
      const core = await get(small.emulator, '/users/ann', auth);

      expect(first.headers.get('x-ratelimit-resource')).toBe('search');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-ratelimit-resource')).toBe('search');
      expect(Number(refused.headers.get('x-ratelimit-reset')) * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
      expect(core.status).toBe(200);
      expect(core.headers.get('x-ratelimit-remaining')).toBe('4999');
    } finally {
      await small.stop();
    }
  });

  it('answers GET /rate_limit without counting it', async () => {
    await get(fixture.emulator, '/users/ann', { authorization: 'token r' });

    const { data } = await fixture.octokit('token r').rest.rateLimit.get();
    const again = await fixture.octokit('token r').rest.rateLimit.get();

    expect(data.resources.core).toMatchObject({ limit: 5000, remaining: 4999, used: 1, resource: 'core' });
    expect(data.resources.search).toMatchObject({ limit: 30, remaining: 30, used: 0, resource: 'search' });
    expect(data.rate).toEqual(data.resources.core);
    expect(again.data.rate.remaining).toBe(4999);
  });
});

describe('fault injection (controls)', () => {
  it('answers like an exhausted limit with rate_limited, after `remaining` good answers, until the reset', async () => {
    const setAt = Date.now();
    const set = await fault(fixture, { mode: 'rate_limited', remaining: 1, resetAfterMs: 300 });

    const ok = await get(fixture.emulator, '/users/ann', { authorization: 'token x' });
    const refused = await get(fixture.emulator, '/users/ann', { authorization: 'token x' });
    // The fault lifts at its reset time, as GitHub's limit does; nothing to await but the clock.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const healed = await get(fixture.emulator, '/users/ann', { authorization: 'token x' });

    expect(set.status).toBe(200);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThanOrEqual(setAt + 300);
    expect(await refused.json()).toMatchObject({ message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\.$/) });
    expect(healed.status).toBe(200);
  });

  it('answers 502 Bad Gateway JSON `times` times, then heals', async () => {
    await fault(fixture, { mode: '502', times: 2 });

    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await get(fixture.emulator, '/users/ann')).status);

    expect(statuses).toEqual([502, 502, 200]);
  });

  it('delays answers in slow mode', async () => {
    await fault(fixture, { mode: 'slow', delayMs: 250 });
    const started = performance.now();

    const response = await get(fixture.emulator, '/users/ann');

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('refuses a fault it does not know with 400', async () => {
    const response = await fault(fixture, { mode: 'flood' });

    expect(response.status).toBe(400);
  });

  it('counts requests by status and route until reset, leaving control calls out', async () => {
    fixture.emulator.stats.reset();
    await get(fixture.emulator, '/users/ann');
    await get(fixture.emulator, '/users/nobody');
    await get(fixture.emulator, '/repos/acme/app/pulls/1/reviews');

    const stats = (await (await fetch(`${fixture.emulator.url}/_emulator/stats`)).json()) as StatsSnapshot;
    const reset = await fetch(`${fixture.emulator.url}/_emulator/stats/reset`, { method: 'POST' });
    const after = (await (await fetch(`${fixture.emulator.url}/_emulator/stats`)).json()) as StatsSnapshot;

    expect(stats).toMatchObject({
      total: 3,
      byStatus: { 200: 2, 404: 1 },
      byRoute: { 'GET /users/{username}': 2, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': 1 },
    });
    expect(stats.requests[2]).toEqual({ method: 'GET', url: '/repos/acme/app/pulls/1/reviews', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', status: 200, authenticated: false });
    expect(reset.status).toBe(204);
    expect(after.total).toBe(0);
  });
});
