import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { answerGraphql } from './graphql/endpoint';
import { Faults, Stats, type FaultRequest, type StatsSnapshot } from './controls';
import { handleAppControl } from './app-controls';
import { AppManifests } from './app-manifest';
import { handleInstallationBudgetControl } from './installation-budget-control';
import { appRoutes, BAD_CREDENTIALS, clientOf, identifyCaller, viewerOf, type AppContext, type AppSide } from './app-routes';
import { handleControl } from './control-routes';
import { parseDataset, readDataset } from './dataset';
import { githubApp, type GithubAppOptions } from './github-app';
import { hookDeliveryRoutes } from './hook-delivery-routes';
import { baseHeaders, etagOf, matchesEtag, rateLimitHeaders, send } from './http-answers';
import { Installations } from './installations';
import { InstallationState } from './installation-state';
import { LiveDataset } from './live';
import { handleOrganizationControl } from './organization-copies';
import type { Store } from './model';
import {
  GITHUB_INSTALLATION_LIMITS, GITHUB_RATE_LIMITS, identifyClient, RateLimiter, type InstallationLimitOptions,
  type RateLimitOptions, type RateLimitResource,
} from './rate-limit';
import { answer, errorBody, matchRoute, type Answer } from './route-support';
import { readBody } from './request-body';
import { routes } from './routes';
import { GITHUB_SECONDARY_LIMITS, SecondaryLimiter, secondaryLimitBody, type SecondaryLimitOptions } from './secondary-rate-limit';
import { buildStore } from './store';
import { Webhooks, type Delivery } from './webhooks';

/**
 * A stand-in for api.github.com serving one dataset file: the calls the
 * collector makes, with GitHub's pagination, ETags, rate-limit headers and
 * errors, so the real Octokit code path runs with no network.
 */
export interface GithubEmulatorOptions {
  readonly port: number;
  /** Default 127.0.0.1: the emulator is for this machine only. */
  readonly host?: string;
  readonly datasetPath?: string;
  /** The dataset itself, instead of a file (already parsed JSON). */
  readonly dataset?: unknown;
  /** Serves `/_emulator/faults` and `/_emulator/stats` (tests only). */
  readonly controls?: boolean;
  /** "Now" for the anchor shift; default the time of the start. */
  readonly now?: number;
  /** Overrides GitHub's limits, e.g. `{ core: { unauthenticated: 3 } }` for a test. */
  readonly rateLimits?: { readonly [R in RateLimitResource]?: Partial<RateLimitOptions> } & { readonly installation?: Partial<InstallationLimitOptions> }
    & { readonly secondary?: Partial<SecondaryLimitOptions> };
  /** GitHub's app side (JWTs, installations, their tokens, the install page, webhooks): the app's configuration. */
  readonly app?: GithubAppOptions;
  /** With an app: a file that keeps its installations across restarts (installation-state.ts); without, they end with the emulator. */
  readonly installationsFile?: string;
}

export interface GithubEmulator {
  readonly url: string;
  readonly port: number;
  /** The served data (a new one after a control added activity). */
  readonly store: Store;
  /** Time spent reading, validating and indexing the dataset. */
  readonly loadMs: number;
  readonly stats: { snapshot(): StatsSnapshot; reset(): void };
  readonly faults: { set(fault: FaultRequest): void };
  /** Webhook deliveries (with an app): every one so far, and a promise that they have all been answered. */
  readonly webhooks: { deliveries(): readonly Delivery[]; idle(): Promise<void> };
  close(): Promise<void>;
}

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

export async function startGithubEmulator(options: GithubEmulatorOptions): Promise<GithubEmulator> {
  const started = performance.now();
  const dataset = options.dataset !== undefined ? parseDataset(options.dataset) : await readDataset(requiredPath(options.datasetPath));
  const live = new LiveDataset(dataset, buildStore(dataset, options.now === undefined ? {} : { now: options.now }));
  const loadMs = performance.now() - started;
  // Mutable for the manifest flow alone: an emulator started without an app gets the one registered through it.
  let currentSide: AppSide | undefined = options.app ? appSide(options.app, options.rateLimits?.installation) : undefined;
  const kept = options.app && options.installationsFile ? new InstallationState(options.installationsFile) : undefined;
  if (kept && currentSide) kept.restore(currentSide.installations, live.store);
  const manifests = new AppManifests({
    hasApp: () => currentSide !== undefined,
    register: (app) => (currentSide = appSide(app, options.rateLimits?.installation)).app,
  });

  const limiters: Record<RateLimitResource, RateLimiter> = {
    core: new RateLimiter('core', { ...GITHUB_RATE_LIMITS.core, ...options.rateLimits?.core }),
    search: new RateLimiter('search', { ...GITHUB_RATE_LIMITS.search, ...options.rateLimits?.search }),
    graphql: new RateLimiter('graphql', { ...GITHUB_RATE_LIMITS.graphql, ...options.rateLimits?.graphql }),
  };
  const secondary = new SecondaryLimiter({ ...GITHUB_SECONDARY_LIMITS, ...options.rateLimits?.secondary });
  const faults = new Faults(Object.values(limiters));
  const stats = new Stats();
  const host = options.host ?? '127.0.0.1';

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const side = currentSide;
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? `${host}:${port()}`}`);
    // GitHub Enterprise Server's base URL ends in /api/v3; the emulator answers there too.
    const prefix = /^\/api\/v3(?=\/)/.exec(url.pathname)?.[0] ?? '';
    const urls = { api: `${url.origin}${prefix}` };
    if (options.controls && url.pathname.startsWith('/_emulator/')) {
      const more = (route: string, body: unknown) =>
        handleOrganizationControl(route, body, live) ??
        (side
          ? handleInstallationBudgetControl(route, body, { side, store: live.store, core: limiters.core, now: Date.now() }) ??
            handleAppControl(route, body, { side, live, urls, now: Date.now() })
          : undefined);
      await handleControl(request, response, url, { faults, stats, more });
      return;
    }
    const store = live.store;
    const now = Date.now();
    const registration = await manifests.answer(request.method ?? 'GET', url.pathname.slice(prefix.length), { store, query: url.searchParams, urls, now, body: () => readBody(request) });
    if (registration) {
      const { status, headers, body } = registration.answer;
      send(response, status, { ...headers }, JSON.stringify(body));
      stats.record({ method: 'POST', url: `${url.pathname}${url.search}`, route: registration.route, status, authenticated: false });
      return;
    }
    const caller = identifyCaller(side, request.headers.authorization, now);
    const client = clientOf(caller, identifyClient(request.headers.authorization, request.socket.remoteAddress), side, store);
    const viewer = viewerOf(caller, side, store);
    const flight = secondary.enter(client.key);
    response.once('close', flight.release);
    const method = request.method ?? 'GET';
    const path = url.pathname.slice(prefix.length);
    const asked = method === 'HEAD' ? 'GET' : method;
    const appMatched = side ? matchRoute([...appRoutes, ...hookDeliveryRoutes].filter((route) => route.method === asked), path) : undefined;
    const matched = !appMatched && asked === 'GET' ? matchRoute(routes, path) : undefined;
    const isRateLimitRoute = matched === undefined && !appMatched && method === 'GET' && path.replace(/\/+$/, '') === '/rate_limit';
    // GitHub Enterprise Server serves GraphQL at /api/graphql, beside /api/v3.
    const isGraphqlRoute = method === 'POST' && (url.pathname === '/graphql' || url.pathname === '/api/graphql');
    const routeName = isGraphqlRoute ? 'POST /graphql' : appMatched
      ? `${appMatched.route.method} ${appMatched.route.path}`
      : matched ? `GET ${matched.route.path}` : isRateLimitRoute ? 'GET /rate_limit' : 'unmatched';
    const finish = (status: number, headers: Record<string, string>, body?: string) => {
      send(response, status, headers, method === 'HEAD' ? undefined : body);
      stats.record({ method, url: `${url.pathname}${url.search}`, route: routeName, status, authenticated: client.authenticated });
    };

    const refuseSecondary = (retryAfter: number, status: number = 403) => {
      const headers: Record<string, string> = { ...baseHeaders(client), 'retry-after': String(retryAfter) };
      const quota = limiters[isGraphqlRoute ? 'graphql' : (matched?.route.resource ?? 'core')].peek(client, now);
      finish(status, { ...headers, ...rateLimitHeaders(quota) }, JSON.stringify(secondaryLimitBody(headers['x-github-request-id'] ?? '')));
    };
    const fault = faults.next();
    if (fault.kind === 'slow') await delay(fault.delayMs);
    if (fault.kind === 'bad-gateway') {
      finish(502, baseHeaders(client), JSON.stringify(errorBody(502, 'Bad Gateway')));
      return;
    }
    if (fault.kind === 'secondary-limited') return refuseSecondary(fault.retryAfter, fault.status);
    if (isGraphqlRoute) {
      if (flight.tooMany) return refuseSecondary(secondary.retryAfterS);
      const result = answerGraphql({ store, side, caller, client, viewer, limiter: limiters.graphql, body: await readBody(request), now });
      finish(result.status, { ...baseHeaders(client), ...(result.quota ? rateLimitHeaders(result.quota) : {}) }, JSON.stringify(result.body));
      return;
    }
    const appContext = async (): Promise<AppContext | undefined> =>
      side && appMatched
        ? { store, side, caller, params: appMatched.params, query: url.searchParams, url, urls, body: await readBody(request), accept: String(request.headers.accept ?? ''), now }
        : undefined;
    if (appMatched?.route.page) {
      // A web page of github.com (the install page, the OAuth exchange): no API rate limit.
      const context = await appContext();
      const result = context ? answer(appMatched.route, context) : { status: 404, body: errorBody(404, 'Not Found') };
      finish(result.status, { ...baseHeaders(client), ...result.headers }, typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
      return;
    }
    if (caller.kind === 'bad-credentials' || (caller.kind === 'bad-jwt' && !appMatched)) {
      const body = caller.kind === 'bad-jwt' ? errorBody(401, caller.message) : BAD_CREDENTIALS();
      finish(401, baseHeaders(client), JSON.stringify(body));
      return;
    }
    if (isRateLimitRoute) {
      // Asking for the rate limit does not count against it (GitHub's docs).
      const core = limiters.core.peek(client, now);
      const body = JSON.stringify({ resources: { core, search: limiters.search.peek(client, now), graphql: limiters.graphql.peek(client, now) }, rate: core });
      finish(200, { ...baseHeaders(client), ...rateLimitHeaders(core) }, body);
      return;
    }
    if (flight.tooMany) return refuseSecondary(secondary.retryAfterS);
    const wait = secondary.check(client.key, routeName, method, now);
    if (wait !== undefined) return refuseSecondary(wait);
    const limiter = limiters[matched?.route.resource ?? 'core'];
    if (limiter.peek(client, now).remaining === 0) {
      const { quota } = limiter.consume(client, now);
      const message = `API rate limit exceeded for ${client.subject}.${client.authenticated ? '' : " (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"}`;
      // GitHub's primary limit: 403, x-ratelimit-remaining 0 and the reset time; no retry-after (that is for secondary limits).
      finish(403, { ...baseHeaders(client), ...rateLimitHeaders(quota) }, JSON.stringify({ message, documentation_url: RATE_LIMIT_DOCS }));
      return;
    }

    const context = await appContext();
    const result: Answer = appMatched && context
      ? answer(appMatched.route, context)
      : matched
        ? answer(matched.route, { store, viewer, params: matched.params, query: url.searchParams, url, urls })
        : { status: 404, body: errorBody(404, 'Not Found') };
    const body = JSON.stringify(result.body);
    const headers = baseHeaders(client);
    if (result.status === 200) {
      const etag = etagOf(body, request.headers.authorization);
      headers['etag'] = etag;
      if (result.link) headers['link'] = result.link;
      const header = request.headers['if-none-match'];
      if (matchesEtag(Array.isArray(header) ? header.join(',') : header, etag)) {
        // A 304 is free when the request is authenticated (GitHub's docs); an anonymous one still counts.
        const quota = client.authenticated ? limiter.peek(client, now) : limiter.consume(client, now).quota;
        finish(304, { ...headers, ...rateLimitHeaders(quota) });
        return;
      }
    }
    const { quota } = limiter.consume(client, now);
    finish(result.status, { ...headers, ...result.headers, ...rateLimitHeaders(quota) }, body);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, {}, JSON.stringify(errorBody(500, 'Server Error')));
      else response.destroy();
    }).finally(() => {
      try {
        if (kept && currentSide) kept.saveIfChanged(currentSide.installations);
      } catch {
        // A full disk must not take the emulator down; the next change writes the file again.
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  function port(): number {
    return (server.address() as AddressInfo).port;
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port()}`,
    port: port(),
    get store() {
      return live.store;
    },
    loadMs,
    stats: { snapshot: () => stats.snapshot(), reset: () => stats.reset() },
    faults: { set: (fault) => faults.set(fault, Date.now()) },
    webhooks: { deliveries: () => currentSide?.webhooks.deliveries() ?? [], idle: () => currentSide?.webhooks.idle() ?? Promise.resolve() },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function appSide(options: GithubAppOptions, limits: Partial<InstallationLimitOptions> | undefined): AppSide {
  const app = githubApp(options, Date.now());
  return { app, installations: new Installations(app), webhooks: new Webhooks(app), installationLimits: { ...GITHUB_INSTALLATION_LIMITS, ...limits } };
}

function requiredPath(path: string | undefined): string {
  if (!path) throw new TypeError('startGithubEmulator needs datasetPath or dataset');
  return path;
}
