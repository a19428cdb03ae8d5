import type { Account, PullRequest, Repository, Store } from './model';
import type { Urls } from './render-accounts';

/**
 * What every route shares: its context, its answer, GitHub's error bodies,
 * and the lookups that end in a 404 when the thing is not in the dataset.
 */
/** What the caller may read: every repository (an operator's token, or none, as before), or GitHub's rules for an app's tokens. */
export interface Viewer {
  canSee(repo: Repository): boolean;
  canSeeMembers(org: Account): boolean;
}

export const SEES_EVERYTHING: Viewer = { canSee: () => true, canSeeMembers: () => true };

export interface RouteContext {
  readonly store: Store;
  readonly viewer: Viewer;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The absolute URL the client asked for (from its Host header); page links are built on it. */
  readonly url: URL;
  readonly urls: Urls;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly link?: string | undefined;
  /** More headers (a 302's `location`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  readonly path: string;
  readonly docs: string;
  readonly handle: (context: RouteContext) => Answer;
  /** The rate limit it counts against; default `core`. */
  readonly resource?: 'core' | 'search';
}

export const DOCS = 'https://docs.github.com/rest';

export function errorBody(status: number, message: string, documentationUrl: string = DOCS) {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export class Refusal {
  constructor(readonly answer: Answer) {}
}

export const notFound = () => new Refusal({ status: 404, body: errorBody(404, 'Not Found') });

export function time(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new Refusal({ status: 422, body: { ...errorBody(422, 'Validation Failed'), errors: [{ field: name, code: 'invalid' }] } });
  }
  return parsed;
}

export function accountOf(store: Store, login: string | undefined): Account {
  const found = login ? store.accounts.get(login.toLowerCase()) : undefined;
  if (!found) throw notFound();
  return found;
}

/** A private repository the caller may not see is not found, exactly like one that does not exist (GitHub's rule). */
export function repositoryOf({ store, params, viewer }: Pick<RouteContext, 'store' | 'params' | 'viewer'>): Repository {
  const found = store.repositories.get(`${params['owner']}/${params['repo']}`.toLowerCase());
  if (!found || !viewer.canSee(found)) throw notFound();
  return found;
}

export function pullOf(context: RouteContext): PullRequest {
  const repo = repositoryOf(context);
  const number = Number(context.params['pull_number']);
  const found = Number.isInteger(number) ? context.store.pullByNumber.get(repo.key)?.get(number) : undefined;
  if (!found) throw notFound();
  return found;
}

export type Direction = 'asc' | 'desc';
export function direction(query: URLSearchParams, fallback: Direction): Direction {
  const value = query.get('direction');
  return value === 'asc' || value === 'desc' ? value : fallback;
}

export function sorted<T>(items: readonly T[], key: (item: T) => number | string, order: Direction): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -sign : x > y ? sign : 0;
  });
}

/** Runs a route; a refusal (404, 409, 422) becomes its answer, with the route's documentation URL. */
export function answer<C>(route: { readonly docs: string; readonly handle: (context: C) => Answer }, context: C): Answer {
  try {
    return route.handle(context);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const body = error.answer.body as Record<string, unknown>;
    return { ...error.answer, body: { ...body, documentation_url: body['documentation_url'] === DOCS ? route.docs : body['documentation_url'] } };
  }
}

/** Matches `/a/{b}/c` templates segment by segment; segments are URL-decoded (`dependabot%5Bbot%5D`). */
export function matchRoute<R extends { readonly path: string }>(routes: readonly R[], path: string): { route: R; params: Record<string, string> } | undefined {
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  for (const route of routes) {
    const template = route.path.split('/').slice(1);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = safeDecode(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
