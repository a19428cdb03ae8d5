import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { logger } from '../http/logger';
import { listenLocally, type ListeningServer } from './listening';
import { ASSET_CACHE_CONTROL, CONFIG_FILE, contentSecurityPolicy, NO_CACHE, originOf, REFERRER_POLICY, webAppConfig } from '../http/web-app-policy';

/**
 * Serves the built web app locally the way CloudFront does on AWS
 * (lib/constructs/web-app.ts): its files, `index.html` for the app's own
 * routes (a deep link such as `/team`), a generated `/config.json` naming
 * the API, and the same security headers.
 */
export interface WebServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The build output (`web/dist`). */
  readonly distDir: string;
  /** The API the app talks to: named in config.json and, beside the app's own, the only origin of CSP's connect-src. */
  readonly apiUrl: string;
}

export type WebServer = ListeningServer;

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_TYPE,
  '.map': JSON_TYPE,
  '.webmanifest': 'application/manifest+json',
  '.txt': TEXT_TYPE,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const CONFIG_PATH = `/${CONFIG_FILE}`;
const ASSETS_PREFIX = '/assets/';

type Answer =
  | { readonly kind: 'file'; readonly file: string; readonly cacheControl: string }
  | { readonly kind: 'config' }
  | { readonly kind: 'refused'; readonly status: 400 | 404 | 405 };

/**
 * The request path decoded, or undefined when it tries to leave the build
 * folder: a `..` segment (raw or percent-encoded), a backslash or a NUL,
 * which no file of a Vite build has in its name.
 */
function safePath(rawUrl: string | undefined): string | undefined {
  const rawPath = (rawUrl ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || path.includes('\\') || path.includes('\0')) return undefined;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return path;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function resolveAnswer(distDir: string, method: string, rawUrl: string | undefined): Promise<Answer> {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  const path = safePath(rawUrl);
  if (path === undefined) return { kind: 'refused', status: 400 };
  if (path === CONFIG_PATH) return { kind: 'config' };
  const index = { kind: 'file', file: join(distDir, 'index.html'), cacheControl: NO_CACHE } as const;
  if (path === '/' || path === '/index.html') return index;
  const file = resolve(distDir, `.${path}`);
  // Belt and braces after safePath: whatever the path, nothing outside the build is read.
  if (!file.startsWith(distDir + sep)) return { kind: 'refused', status: 400 };
  if (await isFile(file)) return { kind: 'file', file, cacheControl: path.startsWith(ASSETS_PREFIX) ? ASSET_CACHE_CONTROL : NO_CACHE };
  // A path without an extension is one of the app's own routes; a missing file (a stale asset) is a real 404.
  return extname(path) === '' ? index : { kind: 'refused', status: 404 };
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const distDir = resolve(options.distDir);
  const securityHeaders = {
    'content-security-policy': contentSecurityPolicy(originOf(options.apiUrl)),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
  };
  const configBody = Buffer.from(JSON.stringify(webAppConfig(options.apiUrl)));

  function send(response: ServerResponse, method: string, status: number, headers: Record<string, string>, body: Buffer): void {
    response.writeHead(status, { ...securityHeaders, ...headers, 'content-length': String(body.length) });
    response.end(method === 'HEAD' ? undefined : body);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const answer = await resolveAnswer(distDir, method, request.url);
    if (answer.kind === 'config') {
      send(response, method, 200, { 'content-type': JSON_TYPE, 'cache-control': NO_CACHE }, configBody);
    } else if (answer.kind === 'file') {
      const type = CONTENT_TYPES[extname(answer.file).toLowerCase()] ?? 'application/octet-stream';
      send(response, method, 200, { 'content-type': type, 'cache-control': answer.cacheControl }, await readFile(answer.file));
    } else {
      const headers: Record<string, string> = { 'content-type': TEXT_TYPE, 'cache-control': NO_CACHE };
      if (answer.status === 405) headers.allow = 'GET, HEAD';
      const text = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed' }[answer.status];
      send(response, method, answer.status, headers, Buffer.from(`${text}\n`));
    }
  }

  const server = createServer((request, response) => {
    const started = performance.now();
    serve(request, response)
      .catch((error: unknown) => {
        logger.error('Local web server could not answer a request', { path: request.url, error });
        if (!response.headersSent) send(response, 'GET', 500, { 'content-type': TEXT_TYPE }, Buffer.from('Internal error\n'));
        else response.destroy();
      })
      .then(() => {
        logger.debug('Local web request', { method: request.method, status: response.statusCode, durationMs: Math.round(performance.now() - started) });
      });
  });

  return listenLocally(server, options.port, options.host);
}
