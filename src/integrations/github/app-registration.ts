import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { octokitLog } from './octokit-log';
import { githubAppManifest, manifestFormPage, registrationUrl, type RegisteredGithubApp } from './app-manifest';

/**
 * The manifest flow's operator side: a loopback-only server whose page posts
 * the manifest to GitHub, and whose `/registered` receives GitHub's redirect
 * with `code` and `state`. The state is random and good once; the code is
 * exchanged at `POST /app-manifests/{code}/conversions` (no authentication:
 * the code is the credential) for the app's id, keys and secrets.
 */
export interface RegistrationOptions {
  readonly apiUrl: string;
  readonly org?: string;
  readonly name?: string;
  /** Default https://github.com. */
  readonly githubUrl?: string;
  /** Default https://api.github.com. */
  readonly githubApiUrl?: string;
  /** Default 0: any free port. */
  readonly port?: number;
}

export interface Registration {
  /** The page to open in a browser signed in to GitHub. */
  readonly url: string;
  /** Settles once GitHub has sent the browser back and the code has been exchanged (or refused). */
  readonly registered: Promise<RegisteredGithubApp>;
  close(): Promise<void>;
}

export const REDIRECT_PATH = '/registered';
const LOOPBACK = '127.0.0.1';

function page(response: ServerResponse, status: number, title: string, text: string): void {
  const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Exchanges the redirect's code for the app: GitHub answers 201 with the app and its credentials, shown this once. */
export async function convertManifestCode(githubApiUrl: string, code: string): Promise<RegisteredGithubApp> {
  const octokit = new Octokit({
    baseUrl: githubApiUrl.replace(/\/+$/, ''),
    userAgent: 'devinsights-register-github-app',
    log: octokitLog,
    request: { log: octokitLog },
  });
  const { data } = await octokit.rest.apps.createFromManifest({ code });
  if (!data) throw new Error('GitHub answered the manifest conversion without an app');
  return {
    id: data.id,
    slug: data.slug ?? String(data.id),
    name: data.name,
    htmlUrl: data.html_url,
    clientId: data.client_id,
    clientSecret: data.client_secret,
    webhookSecret: data.webhook_secret,
    pem: data.pem,
  };
}

export async function startRegistration(options: RegistrationOptions): Promise<Registration> {
  const githubUrl = options.githubUrl ?? 'https://github.com';
  const githubApiUrl = options.githubApiUrl ?? 'https://api.github.com';
  let state: string | undefined = randomBytes(24).toString('base64url');
  let settle!: { resolve: (app: RegisteredGithubApp) => void; reject: (error: Error) => void };
  const registered = new Promise<RegisteredGithubApp>((resolve, reject) => (settle = { resolve, reject }));
  // Callers await `registered` or not at all; an unobserved refusal must not end the process.
  registered.catch(() => undefined);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      page(response, 502, 'Registration failed', 'GitHub refused the code; see the terminal.');
      settle.reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const origin = `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only this machine's browser, by the address printed: a page of another site cannot reach in through DNS rebinding.
    if (request.headers.host !== new URL(origin).host) return page(response, 421, 'Wrong host', 'Open the address the script printed.');
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/') {
      if (state === undefined) return page(response, 410, 'Already registered', 'This registration is complete; see the terminal.');
      const manifest = githubAppManifest({ apiUrl: options.apiUrl, redirectUrl: `${origin}${REDIRECT_PATH}`, ...(options.name ? { name: options.name } : {}) });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(manifestFormPage(registrationUrl(githubUrl, state, options.org), manifest));
      return;
    }
    if (request.method !== 'GET' || url.pathname !== REDIRECT_PATH) return page(response, 404, 'Not found', 'Nothing here.');
    const code = url.searchParams.get('code');
    const given = url.searchParams.get('state') ?? '';
    if (state === undefined || !sameSecret(given, state) || !code) {
      return page(response, 400, 'Not this registration', 'The state does not match the one this script sent, or was used already.');
    }
    state = undefined;
    const app = await convertManifestCode(githubApiUrl, code);
    page(response, 200, `Registered ${app.name}`, 'You can close this tab; the terminal says what comes next.');
    settle.resolve(app);
  }

  return {
    url: `${origin}/`,
    registered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
