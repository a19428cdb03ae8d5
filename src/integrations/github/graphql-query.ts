import type { GithubClient } from './installation-client';
import { GithubRateLimitedError, GithubUnavailableError } from './errors';

/**
 * One query of GitHub's GraphQL API for the sync, with GitHub's failures
 * told apart as the sync needs: a repository gone answers `{repository:
 * null}` (nothing to read), a spent budget waits for its reset, anything
 * else is GitHub being unavailable.
 */
export interface Actor {
  readonly __typename: string;
  readonly login: string;
}

/** GraphQL names a bot without REST's `[bot]` suffix; `__typename` tells, and the suffix is put back so the metrics' bot rule holds. */
export const loginOf = (actor: Actor | null): string | null => (actor ? (actor.__typename === 'Bot' ? `${actor.login}[bot]` : actor.login) : null);

export async function askRepository<A extends { readonly repository: unknown }>(github: GithubClient, query: string, variables: Record<string, unknown>): Promise<A> {
  try {
    return await github.graphql<A>(query, variables);
  } catch (error) {
    const failure = error as { errors?: { type?: string }[]; headers?: Record<string, string>; response?: { headers?: Record<string, string> } };
    const types = (failure.errors ?? []).map((entry) => entry.type);
    if (types.includes('NOT_FOUND')) return { repository: null } as A;
    if (types.includes('RATE_LIMITED')) {
      const reset = Number((failure.headers ?? failure.response?.headers)?.['x-ratelimit-reset']);
      throw new GithubRateLimitedError(new Date(Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000), { cause: error });
    }
    throw new GithubUnavailableError('GitHub\'s GraphQL API failed', { cause: error });
  }
}
