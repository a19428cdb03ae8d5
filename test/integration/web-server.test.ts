import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { api, stack } from '../support/stack';

/** A GET with the path sent exactly as written: fetch would resolve `..` and `%2e%2e` away before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack().webUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.once('error', reject);
    request.end();
  });
}

const web = (path: string) => fetch(`${stack().webUrl}${path}`);

/** The first script the app's index loads: a hashed file under /assets/. */
async function firstScript(): Promise<string> {
  const html = await (await web('/')).text();
  const src = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error(`index.html names no /assets/ script:\n${html}`);
  return src;
}

describe('the web app served by npm start', () => {
  it('serves the app at / as HTML that is always asked again', async () => {
    const response = await web('/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('answers a deep link such as /team with the app itself, so a bookmarked screen opens', async () => {
    const [index, deep] = await Promise.all([web('/'), web('/team')]);

    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await deep.text()).toBe(await index.text());
  });

  it('serves a hashed asset as JavaScript, cached for a year', async () => {
    const response = await web(await firstScript());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404, not the app, for a missing file', async () => {
    const response = await web('/assets/gone-12345678.js');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('tells the app where the API is in /config.json', async () => {
    const response = await web('/config.json');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({ apiUrl: stack().apiUrl });
  });

  it('sends the security headers CloudFront sends: CSP with only the app itself and the API to connect to, no framing, nosniff, a referrer policy', async () => {
    const response = await web('/team');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

    expect(directives.get('connect-src')).toEqual(["'self'", new URL(stack().apiUrl).origin]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2F..%2Fpackage.json', '/%2E%2E%5Cpackage.json'])(
    'refuses the path traversal %s without showing any file',
    async (path) => {
      const response = await rawGet(path);

      expect(response.status).toBe(400);
      expect(response.body).not.toContain('devinsights');
    },
  );

  it('is the API\'s one CORS origin: a preflight from the app is allowed', async () => {
    const origin = stack().webUrl;
    const response = await api('/auth/login', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('allows no other origin: a preflight from elsewhere gets the app\'s origin back, which a browser refuses', async () => {
    const response = await api('/auth/login', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });

    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBe(stack().webUrl);
  });
});
