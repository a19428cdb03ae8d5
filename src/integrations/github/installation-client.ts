import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { config } from '../../config';
import { githubAppCredentials } from '../secrets';
import { octokitLog } from './octokit-log';

/**
 * The only way a tenant's GitHub data is read: an Octokit authenticated as
 * one installation of DevInsights' GitHub App, so every request spends that
 * installation's budget and sees only what its owner granted.
 * @octokit/auth-app mints the installation token and caches it until
 * shortly before it expires; the throttling plugin queues each
 * installation's requests under its own key (one tenant's burst never waits
 * behind another's) and reports GitHub's primary and secondary limits; the
 * retry plugin retries GitHub's own failures (5xx) with a back-off.
 */
export type GithubClient = Octokit;

const ClientWithPlugins = Octokit.plugin(throttling, retry);

/**
 * On a request's path nobody can wait for an hourly reset; a short
 * secondary-limit pause (GitHub's `retry-after`) is worth one retry.
 */
const LONGEST_WAIT_ON_REQUEST_PATH_S = 5;

/**
 * GitHub allows 30 searches a minute per installation; the plugin's default
 * (one every 2 s, process-wide) would make a team analysis of ten people
 * wait 40 s. Two at a time, keyed per installation, stays inside the quota.
 */
const searches = new Bottleneck.Group({ maxConcurrent: 2, minTime: 100 });

/**
 * The plugin queues GraphQL with writes (one a second). We never write;
 * GraphQL queries go one at a time per installation (GitHub asks for no
 * concurrent GraphQL), without the pause meant for content creation.
 */
const graphqlQueries = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });

/** Statuses that are answers, not failures: never retried (409 is an empty repository's commits). */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/** Clients kept warm per process; a Lambda serves one tenant at a time, the local server many. */
const MAX_CLIENTS = 200;
const clients = new Map<number, { readonly privateKey: string; readonly client: GithubClient }>();

/** The GitHub App's id, slug and client id; a function that needs them and has none is a deployment mistake. */
export function githubAppSettings() {
  const settings = config().githubApp;
  if (!settings) throw new Error('GITHUB_APP_ID and GITHUB_APP_SLUG are not configured');
  return settings;
}

export async function installationClient(installationId: number): Promise<GithubClient> {
  const { privateKey } = await githubAppCredentials();
  const known = clients.get(installationId);
  if (known && known.privateKey === privateKey) {
    // Map order is insertion order: re-inserting marks it recently used.
    clients.delete(installationId);
    clients.set(installationId, known);
    return known.client;
  }
  const client = new ClientWithPlugins({
    baseUrl: config().github.apiUrl,
    authStrategy: createAppAuth,
    auth: { appId: githubAppSettings().id, privateKey, installationId },
    userAgent: 'devinsights',
    log: octokitLog,
    request: { log: octokitLog },
    retry: { retries: 1, doNotRetry: DO_NOT_RETRY },
    throttle: {
      id: `installation-${installationId}`,
      search: searches,
      write: graphqlQueries,
      onRateLimit: () => false,
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount === 0 && retryAfter <= LONGEST_WAIT_ON_REQUEST_PATH_S,
    },
  });
  // GitHub refusing a cached token (the installation was removed or suspended since it was minted): once, mint anew and
  // ask again, so the request fails with GitHub's reason for the installation (404, 403) rather than a stale token's 401.
  client.hook.error('request', async (error, options) => {
    if ((error as { status?: number }).status !== 401 || options.request?.['retriedWithNewToken']) throw error;
    clients.delete(installationId);
    // Without the old client's token and its request hook (which would put that token back).
    const { authorization: _staleToken, ...headers } = options.headers as Record<string, string>;
    const { hook: _oldHook, ...requestOptions } = (options.request ?? {}) as Record<string, unknown>;
    const fresh = await installationClient(installationId);
    return fresh.request({ ...options, headers, request: { ...requestOptions, retriedWithNewToken: true } });
  });
  clients.set(installationId, { privateKey, client });
  if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as number);
  return client;
}
