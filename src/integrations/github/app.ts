import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { config } from '../../config';
import { ServiceUnavailableError } from '../../errors';
import { githubAppCredentials } from '../secrets';
import { githubAppSettings, installationClient } from './installation-client';
import { octokitLog } from './octokit-log';

/**
 * DevInsights as a GitHub App: the app's JWT for its installations, an
 * installation's own token for that installation's budget, and the OAuth
 * code exchange that tells us who installed it. @octokit/auth-app caches
 * installation tokens until shortly before they expire.
 */

export interface InstallationAccount {
  readonly login: string;
  readonly id: number;
  readonly type: string;
}

export interface Installation {
  readonly id: number;
  readonly account: InstallationAccount;
  readonly repositorySelection: string;
}

export interface InstallationRateLimit {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: string;
}

/** A code GitHub did not accept (unknown, used, expired): the caller's input, not our fault. */
export class GithubCodeRejectedError extends Error {
  constructor(options?: ErrorOptions) {
    super('GitHub did not accept the code', options);
    this.name = 'GithubCodeRejectedError';
  }
}

const PER_REQUEST_TIMEOUT_MS = 8_000;

type AppAuth = ReturnType<typeof createAppAuth>;
let app: { readonly privateKey: string; readonly auth: AppAuth; readonly octokit: Octokit } | undefined;

/** One app client per process (per private key: a rotated one, read again after the secret cache, gets a new one). */
async function appClient(): Promise<NonNullable<typeof app>> {
  const { privateKey, clientSecret } = await githubAppCredentials();
  if (!app || app.privateKey !== privateKey) {
    const settings = githubAppSettings();
    const options = {
      appId: settings.id,
      privateKey,
      ...(settings.clientId && clientSecret ? { clientId: settings.clientId, clientSecret } : {}),
    };
    const octokit = new Octokit({
      baseUrl: config().github.apiUrl,
      authStrategy: createAppAuth,
      auth: options,
      userAgent: 'devinsights',
      log: octokitLog,
      request: { retries: 0, log: octokitLog },
    });
    const auth = createAppAuth({ ...options, request: octokit.request, log: octokitLog });
    app = { privateKey, auth, octokit };
  }
  return app;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub out of reach or failing on its side (no answer, 5xx): 503 to the caller. */
function unavailable(error: unknown): ServiceUnavailableError | undefined {
  const status = statusOf(error);
  if (status === undefined || status >= 500) {
    return new ServiceUnavailableError('GitHub is not reachable right now; try again shortly', undefined, { cause: error });
  }
  return undefined;
}

const withTimeout = () => ({ request: { signal: AbortSignal.timeout(PER_REQUEST_TIMEOUT_MS) } });

/** The installing user's token for a setup `code` (`POST /login/oauth/access_token`). */
export async function exchangeSetupCode(code: string): Promise<string> {
  const { auth } = await appClient();
  try {
    const authentication = await auth({ type: 'oauth-user', code });
    return authentication.token;
  } catch (error) {
    // oauth-methods turns GitHub's 200 `{error: "bad_verification_code"}` into a 400 RequestError.
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) throw new GithubCodeRejectedError({ cause: error });
    throw unavailable(error) ?? error;
  }
}

/** Whether the user behind `userToken` can access the installation (`GET /user/installations`, every page). */
export async function userCanAccessInstallation(userToken: string, installationId: number): Promise<boolean> {
  const octokit = new Octokit({ baseUrl: config().github.apiUrl, auth: userToken, userAgent: 'devinsights', log: octokitLog, request: { retries: 0, log: octokitLog } });
  try {
    for await (const page of octokit.paginate.iterator('GET /user/installations', { per_page: 100, ...withTimeout() })) {
      if (page.data.some((installation) => installation.id === installationId)) return true;
    }
    return false;
  } catch (error) {
    if (statusOf(error) === 401 || statusOf(error) === 403) return false;
    throw unavailable(error) ?? error;
  }
}

/** The installation as GitHub knows it (app JWT), or undefined when GitHub has none by that id. */
export async function readInstallation(installationId: number): Promise<Installation | undefined> {
  const { octokit } = await appClient();
  try {
    const { data } = await octokit.request('GET /app/installations/{installation_id}', { installation_id: installationId, ...withTimeout() });
    const account = data.account as { login?: string; slug?: string; id: number; type?: string } | null;
    if (!account) return undefined;
    return {
      id: data.id,
      account: { login: account.login ?? account.slug ?? '', id: account.id, type: account.type ?? 'Enterprise' },
      repositorySelection: data.repository_selection,
    };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw unavailable(error) ?? error;
  }
}

/**
 * The installation's own core budget, from `GET /rate_limit` with its token
 * (GitHub never counts that call, so it answers even when the budget is
 * spent); undefined when GitHub does not answer.
 */
export async function installationRateLimit(installationId: number): Promise<InstallationRateLimit | undefined> {
  try {
    const github = await installationClient(installationId);
    const { data } = await github.request('GET /rate_limit', withTimeout());
    const { limit, remaining, reset } = data.resources.core;
    return { limit, remaining, resetAt: new Date(reset * 1000).toISOString() };
  } catch {
    return undefined;
  }
}

/** `<GitHub web>/apps/<slug>/installations/new?state=…`: where the admin installs the app. */
export function installUrl(state: string): string {
  const url = new URL(`${config().github.webUrl}/apps/${encodeURIComponent(githubAppSettings().slug)}/installations/new`);
  url.searchParams.set('state', state);
  return url.toString();
}
