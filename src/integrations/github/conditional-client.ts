import { config } from '../../config';
import { GithubInstallationGoneError, GithubNotFoundError, GithubRateLimitedError, GithubUnavailableError } from './errors';
import type { GithubClient } from './installation-client';

/**
 * Octokit with GitHub's conditional requests: every page is asked for with
 * the ETag it had last time, and a 304 (free of rate limit) answers from what
 * was extracted from that page then. When the quota is gone the collector
 * stops at once instead of storming (installation-client.ts never waits for
 * a reset on a request's path).
 */
export interface CachedPage {
  readonly etag: string;
  readonly data: unknown;
  readonly next?: string;
}

export type PageCache = Record<string, CachedPage>;

export interface CallStats {
  requests: number;
  notModified: number;
}

export interface Page<T> {
  readonly data: T;
  readonly next?: string;
}

const PER_REQUEST_TIMEOUT_MS = 8_000;

function nextLink(link: string | undefined): string | undefined {
  return link?.split(',').find((part) => /rel="next"/.test(part))?.match(/<([^>]+)>/)?.[1];
}

/** Relative form of a URL under the API base, so cached pages survive a base-URL port change. */
function relative(url: string): string {
  const base = config().github.apiUrl;
  return url.startsWith(base) ? url.slice(base.length) : url;
}

function rateLimitReset(headers: Record<string, unknown> | undefined): Date {
  const reset = Number(headers?.['x-ratelimit-reset']);
  const retryAfter = Number(headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return new Date(Date.now() + retryAfter * 1000);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
}

function translate(error: unknown, path: string): never {
  const status = (error as { status?: number }).status;
  // Minting the installation's token failed (suspended, uninstalled): no page of it is "not found".
  const failedUrl = (error as { request?: { url?: string } }).request?.url ?? '';
  const minting = /\/app\/installations\/(\d+)\/access_tokens$/.exec(failedUrl);
  if (minting && status === 404) throw new GithubInstallationGoneError(Number(minting[1]), { cause: error });
  if (minting) {
    throw new GithubUnavailableError(`GitHub refused a token for the installation${status ? ` (${status})` : ''}`, { cause: error });
  }
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  if ((status === 403 || status === 429) && (headers?.['x-ratelimit-remaining'] === '0' || headers?.['retry-after'])) {
    throw new GithubRateLimitedError(rateLimitReset(headers), { cause: error });
  }
  // 409 is GitHub's answer for the commits of an empty repository: nothing there, like a 404.
  if (status === 404 || status === 409) throw new GithubNotFoundError(path, { cause: error });
  if (status === 401 || status === 403) throw new GithubUnavailableError(`GitHub refused ${path} (${status})`, { cause: error });
  throw new GithubUnavailableError(`GitHub failed on ${path}${status ? ` (${status})` : ''}`, { cause: error });
}

/**
 * One page: `path` is relative to the API base, with its query. `extract`
 * turns GitHub's JSON into the compact records we keep, so the cache holds
 * only what the metrics need.
 */
async function fetchPage<T>(
  github: GithubClient,
  path: string,
  extract: (body: unknown) => T,
  cache: PageCache,
  stats: CallStats,
): Promise<Page<T>> {
  const key = relative(path);
  const cached = cache[key];
  stats.requests += 1;
  try {
    const response = await github.request({
      method: 'GET',
      url: key,
      headers: cached ? { 'if-none-match': cached.etag } : {},
      request: { signal: AbortSignal.timeout(PER_REQUEST_TIMEOUT_MS) },
    });
    const data = extract(response.data);
    const next = nextLink(response.headers.link);
    const etag = response.headers.etag;
    const page = { data, ...(next ? { next: relative(next) } : {}) };
    if (etag) cache[key] = { etag, ...page };
    return page;
  } catch (error) {
    if ((error as { status?: number }).status === 304 && cached) {
      stats.notModified += 1;
      return { data: cached.data as T, ...(cached.next ? { next: cached.next } : {}) };
    }
    return translate(error, key);
  }
}

/** Every page of a list, following `Link: rel="next"`, concatenated. */
export async function fetchAll<T>(
  github: GithubClient,
  path: string,
  extract: (body: unknown) => T[],
  cache: PageCache,
  stats: CallStats,
  keepGoing: (page: T[]) => boolean = () => true,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const page: Page<T[]> = await fetchPage(github, next, extract, cache, stats);
    items.push(...page.data);
    next = keepGoing(page.data) ? page.next : undefined;
  }
  return items;
}

/**
 * A read of lists kept between syncs: asked with the ETags of `stored`, its
 * calls added to `stats`; `pages` is the cache to keep, `changed` whether it
 * must be stored again (a first read, or a page that was not a 304).
 */
export async function readWithStoredPages<T>(
  stored: PageCache,
  stats: CallStats,
  read: (pages: PageCache, spent: CallStats) => Promise<T>,
): Promise<{ value: T; pages: PageCache; changed: boolean }> {
  const pages = pagesInUse(stored);
  const spent: CallStats = { requests: 0, notModified: 0 };
  const value = await read(pages, spent);
  stats.requests += spent.requests;
  stats.notModified += spent.notModified;
  return { value, pages: { ...pages }, changed: Object.keys(stored).length === 0 || spent.notModified < spent.requests };
}

/**
 * The page cache of one read: pages of the last read are found in it, but
 * only the pages this read asks for are kept, so a stored cache does not
 * grow with URLs of past windows.
 */
export function pagesInUse(previous: PageCache): PageCache {
  return new Proxy({} as PageCache, {
    get(used, key: string) {
      if (!(key in used) && previous[key]) used[key] = previous[key];
      return used[key];
    },
  });
}
