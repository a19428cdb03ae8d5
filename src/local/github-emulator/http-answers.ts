import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Client, Quota } from './rate-limit';

/** What every answer of the emulator carries, as api.github.com's do: headers, weak ETags, the body's length. */
const EXPOSED_HEADERS = [
  'ETag', 'Link', 'Location', 'Retry-After', 'X-GitHub-OTP', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Used',
  'X-RateLimit-Resource', 'X-RateLimit-Reset', 'X-OAuth-Scopes', 'X-Accepted-OAuth-Scopes', 'X-Poll-Interval', 'X-GitHub-Media-Type',
  'X-GitHub-SSO', 'X-GitHub-Request-Id', 'Deprecation', 'Sunset',
].join(', ');

export function rateLimitHeaders(quota: Quota): Record<string, string> {
  return {
    'x-ratelimit-limit': String(quota.limit),
    'x-ratelimit-remaining': String(quota.remaining),
    'x-ratelimit-reset': String(quota.reset),
    'x-ratelimit-used': String(quota.used),
    'x-ratelimit-resource': quota.resource,
  };
}

export function baseHeaders(client: Client): Record<string, string> {
  return {
    'cache-control': `${client.authenticated ? 'private' : 'public'}, max-age=60, s-maxage=60`,
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED_HEADERS,
  };
}

/**
 * Weak, like GitHub's list answers, and specific to the credential that
 * asked, as GitHub's are: an ETag from one installation token gets a 200,
 * not a 304, once the token is replaced (they last an hour).
 */
export function etagOf(body: string, authorization = ''): string {
  return `W/"${createHash('sha256').update(authorization).update('\n').update(body).digest('hex')}"`;
}

/** `If-None-Match` uses the weak comparison: `W/"x"` and `"x"` match; `*` matches anything. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === opaque;
  });
}

export function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: string): void {
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  response.writeHead(status, headers);
  response.end(body);
}

