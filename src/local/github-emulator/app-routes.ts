import { jwtProblem, looksLikeJwt, JWT_ERRORS, type GithubApp } from './github-app';
import { isoTime } from './identity';
import { membersOf, type Installation, type Installations, type InstallationToken, type UserToken } from './installations';
import type { Account, Repository, Store } from './model';
import { paginate } from './pagination';
import { publicUser, repository } from './render-accounts';
import { exchangeCode, installPage } from './app-pages';
import { installation, integration } from './render-app';
import { installationLimit, type Client, type InstallationLimitOptions } from './rate-limit';
import { accountOf, DOCS, errorBody, notFound, Refusal, repositoryOf, SEES_EVERYTHING, type Answer, type Viewer } from './route-support';
import type { Urls } from './render-accounts';
import type { Webhooks } from './webhooks';

/**
 * GitHub's app side: who the caller is (an app JWT, an installation token,
 * a user's OAuth token, or nobody: public data only; any other token is
 * refused as GitHub refuses a token it never issued), what it may see, its rate limit, and the
 * routes of the app: `/app…`, `/…/installation`, `/installation/repositories`,
 * `/user/installations`, the OAuth code exchange and the install page.
 */
export interface AppSide {
  readonly app: GithubApp;
  readonly installations: Installations;
  readonly webhooks: Webhooks;
  readonly installationLimits: InstallationLimitOptions;
}

export type Caller =
  /** Without an app side the emulator has no tokens to check: any token (a stand-in for a personal one) reads everything. */
  | { readonly kind: 'operator' }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'app' }
  | { readonly kind: 'bad-jwt'; readonly message: string }
  | { readonly kind: 'installation'; readonly token: InstallationToken }
  | { readonly kind: 'user'; readonly token: UserToken }
  | { readonly kind: 'bad-credentials' };

export const BAD_CREDENTIALS = () => errorBody(401, 'Bad credentials');

function bearer(authorization: string | undefined): string | undefined {
  return /^\s*(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

export function identifyCaller(side: AppSide | undefined, authorization: string | undefined, now: number): Caller {
  const token = bearer(authorization);
  if (!side) return { kind: 'operator' };
  if (!token) return { kind: 'anonymous' };
  if (looksLikeJwt(token)) {
    const message = jwtProblem(side.app, token, now);
    return message ? { kind: 'bad-jwt', message } : { kind: 'app' };
  }
  if (token.startsWith('ghs_')) {
    const found = side.installations.installationToken(token, now);
    return found ? { kind: 'installation', token: found } : { kind: 'bad-credentials' };
  }
  if (token.startsWith('ghu_')) {
    const found = side.installations.userToken(token, now);
    return found ? { kind: 'user', token: found } : { kind: 'bad-credentials' };
  }
  return { kind: 'bad-credentials' };
}

function isMember(store: Store, org: Account, user: Account): boolean {
  return org.id === user.id || membersOf(store, org).includes(user.login.toLowerCase());
}

/** Installation tokens see public repositories and their installation's (narrowed by the token); users, public ones and their organizations'. */
export function viewerOf(caller: Caller, side: AppSide | undefined, store: Store): Viewer {
  if (caller.kind === 'installation' && side) {
    const { installation: installed, repositories } = caller.token;
    const covers = (repo: Repository) => side.installations.covers(installed, repo) && (repositories?.has(repo.key) ?? true);
    return { canSee: (repo) => !repo.private || covers(repo), canSeeMembers: (org) => org.id === installed.account.id };
  }
  if (caller.kind === 'user') {
    const { user } = caller.token;
    return { canSee: (repo) => !repo.private || isMember(store, repo.owner, user), canSeeMembers: (org) => isMember(store, org, user) };
  }
  if (caller.kind === 'app' || caller.kind === 'anonymous') return { canSee: (repo) => !repo.private, canSeeMembers: () => false };
  return SEES_EVERYTHING;
}

/** The rate-limit bucket: one per installation (GitHub's installation limit), one for the app's JWTs, one per user. */
export function clientOf(caller: Caller, fallback: Client, side: AppSide | undefined, store: Store): Client {
  if (caller.kind === 'installation' && side) return installationClient(side, store, caller.token.installation);
  if (caller.kind === 'app' && side) return { key: `app:${side.app.id}`, authenticated: true, subject: `app ID ${side.app.id}` };
  if (caller.kind === 'user') return { key: `user:${caller.token.user.id}`, authenticated: true, subject: `user ID ${caller.token.user.id}` };
  return fallback;
}

/** The one bucket every token of an installation spends. */
export function installationClient(side: AppSide, store: Store, installed: Installation): Client {
  const users = installed.account.type === 'Organization' ? membersOf(store, installed.account).length : 1;
  const limit = installationLimit(side.installations.repositoriesOf(store, installed).length, users, side.installationLimits);
  return { key: `installation:${installed.id}`, authenticated: true, subject: `installation ID ${installed.id}`, coreLimit: limit };
}

export interface AppContext {
  readonly store: Store;
  readonly side: AppSide;
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly url: URL;
  readonly urls: Urls;
  /** The request's JSON or form body (or {}), and its query for the OAuth exchange. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly accept: string;
  readonly now: number;
}

export interface AppRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly docs: string;
  /** Web pages (the install page, the OAuth exchange) count against no API rate limit. */
  readonly page?: boolean;
  readonly handle: (context: AppContext) => Answer;
}

const APPS_DOCS = `${DOCS}/apps/apps`;

/** The JWT the `/app` routes need: refused as GitHub does, 401 with its message. */
export function requireApp(context: AppContext): void {
  const { caller } = context;
  if (caller.kind === 'app') return;
  const message = caller.kind === 'bad-jwt' ? caller.message : JWT_ERRORS.undecodable;
  throw new Refusal({ status: 401, body: errorBody(401, message) });
}

function installationById(context: AppContext): Installation {
  const id = Number(context.params['installation_id']);
  const found = Number.isInteger(id) ? context.side.installations.get(id) : undefined;
  if (!found) throw notFound();
  return found;
}

function installationAnswer(context: AppContext, found: Installation | undefined): Answer {
  if (!found) throw notFound();
  return { status: 200, body: installation(context.side.app, found, context.urls) };
}

function validation(message: string): Refusal {
  return new Refusal({ status: 422, body: errorBody(422, message) });
}

/** `POST /app/installations/{id}/access_tokens`, with the optional `repositories` (names), `repository_ids` and `permissions` narrowing. */
function createAccessToken(context: AppContext): Answer {
  requireApp(context);
  const { side, store, body, now, urls } = context;
  const installed = installationById(context);
  if (installed.suspendedAt !== null) throw new Refusal({ status: 403, body: errorBody(403, 'This installation has been suspended') });
  const available = side.installations.repositoriesOf(store, installed);
  const names = Array.isArray(body['repositories']) ? body['repositories'].map(String) : undefined;
  const ids = Array.isArray(body['repository_ids']) ? body['repository_ids'].map(Number) : undefined;
  let narrowed: Repository[] | undefined;
  if (names || ids) {
    narrowed = [];
    for (const name of names ?? []) {
      const found = available.find((repo) => repo.name.toLowerCase() === name.toLowerCase() || repo.fullName.toLowerCase() === name.toLowerCase());
      if (!found) throw validation('There is at least one repository that does not exist or is not accessible to the parent installation.');
      narrowed.push(found);
    }
    for (const id of ids ?? []) {
      const found = available.find((repo) => repo.id === id);
      if (!found) throw validation('There is at least one repository that does not exist or is not accessible to the parent installation.');
      narrowed.push(found);
    }
  }
  const granted = side.app.permissions;
  const asked = body['permissions'] && typeof body['permissions'] === 'object' ? (body['permissions'] as Record<string, unknown>) : undefined;
  const rank: Record<string, number> = { read: 1, write: 2, admin: 3 };
  if (asked) {
    for (const [name, level] of Object.entries(asked)) {
      if ((rank[String(level)] ?? 99) > (rank[granted[name] ?? ''] ?? 0)) throw validation('The permissions requested are not granted to this installation.');
    }
  }
  const permissions = asked ? Object.fromEntries(Object.entries(asked).map(([name, level]) => [name, String(level)])) : { ...granted };
  const { token, entry } = side.installations.issueToken(installed, now, {
    permissions, ...(narrowed ? { repositories: new Set(narrowed.map((repo) => repo.key)) } : {}),
  });
  return {
    status: 201,
    body: {
      token,
      expires_at: isoTime(entry.expiresAt),
      permissions,
      repository_selection: narrowed ? 'selected' : installed.repositorySelection,
      ...(narrowed ? { repositories: narrowed.map((repo) => repository(repo, urls)) } : {}),
    },
  };
}

function listInstallationRepositories(context: AppContext): Answer {
  const { caller, side, store, url, urls } = context;
  if (caller.kind !== 'installation') {
    throw new Refusal({ status: 403, body: errorBody(403, 'You must authenticate with an installation access token in order to list repositories for an installation.') });
  }
  const { installation: installed, repositories } = caller.token;
  const repos = side.installations.repositoriesOf(store, installed).filter((repo) => repositories?.has(repo.key) ?? true);
  const page = paginate(repos, url);
  return {
    status: 200,
    body: { total_count: repos.length, repository_selection: repositories ? 'selected' : installed.repositorySelection, repositories: page.items.map((repo) => repository(repo, urls)) },
    link: page.link,
  };
}

function listUserInstallations(context: AppContext): Answer {
  const { caller, side, store, url } = context;
  if (caller.kind !== 'user') {
    throw new Refusal({ status: 403, body: errorBody(403, 'You must authenticate with an access token authorized to a GitHub App in order to list installations') });
  }
  const found = side.installations.accessibleTo(store, caller.token.user);
  const page = paginate(found, url);
  return {
    status: 200,
    body: { total_count: found.length, installations: page.items.map((entry) => installation(side.app, entry, context.urls)) },
    link: page.link,
  };
}

function installationOf(context: AppContext, account: Account): Answer {
  requireApp(context);
  return installationAnswer(context, context.side.installations.onAccount(account));
}

export const appRoutes: readonly AppRoute[] = [
  {
    method: 'GET', path: '/app', docs: `${APPS_DOCS}#get-the-authenticated-app`,
    handle: (context) => {
      requireApp(context);
      return { status: 200, body: integration(context.side.app, context.side.installations.all().length) };
    },
  },
  {
    method: 'GET', path: '/app/installations', docs: `${APPS_DOCS}#list-installations-for-the-authenticated-app`,
    handle: (context) => {
      requireApp(context);
      const page = paginate(context.side.installations.all(), context.url);
      return { status: 200, body: page.items.map((entry) => installation(context.side.app, entry, context.urls)), link: page.link };
    },
  },
  {
    method: 'GET', path: '/app/installations/{installation_id}', docs: `${APPS_DOCS}#get-an-installation-for-the-authenticated-app`,
    handle: (context) => {
      requireApp(context);
      return installationAnswer(context, installationById(context));
    },
  },
  { method: 'POST', path: '/app/installations/{installation_id}/access_tokens', docs: `${APPS_DOCS}#create-an-installation-access-token-for-an-app`, handle: createAccessToken },
  {
    method: 'GET', path: '/orgs/{org}/installation', docs: `${APPS_DOCS}#get-an-organization-installation-for-the-authenticated-app`,
    handle: (context) => {
      const org = accountOf(context.store, context.params['org']);
      if (org.type !== 'Organization') throw notFound();
      return installationOf(context, org);
    },
  },
  {
    method: 'GET', path: '/users/{username}/installation', docs: `${APPS_DOCS}#get-a-user-installation-for-the-authenticated-app`,
    handle: (context) => installationOf(context, accountOf(context.store, context.params['username'])),
  },
  {
    method: 'GET', path: '/repos/{owner}/{repo}/installation', docs: `${APPS_DOCS}#get-a-repository-installation-for-the-authenticated-app`,
    handle: (context) => {
      requireApp(context);
      const repo = repositoryOf({ ...context, viewer: SEES_EVERYTHING });
      return installationAnswer(context, context.side.installations.all().find((entry) => context.side.installations.covers(entry, repo)));
    },
  },
  { method: 'GET', path: '/installation/repositories', docs: `${DOCS}/apps/installations#list-repositories-accessible-to-the-app-installation`, handle: listInstallationRepositories },
  {
    method: 'GET', path: '/user', docs: `${DOCS}/users/users#get-the-authenticated-user`,
    handle: (context) => {
      if (context.caller.kind !== 'user') throw new Refusal({ status: 401, body: errorBody(401, 'Requires authentication') });
      return { status: 200, body: publicUser(context.store, context.caller.token.user, context.urls) };
    },
  },
  { method: 'GET', path: '/user/installations', docs: `${DOCS}/apps/installations#list-app-installations-accessible-to-the-user-access-token`, handle: listUserInstallations },
  { method: 'POST', path: '/login/oauth/access_token', docs: DOCS, page: true, handle: exchangeCode },
  { method: 'GET', path: '/apps/{app_slug}/installations/new', docs: DOCS, page: true, handle: installPage },
];
