import { createHash } from 'node:crypto';

/**
 * GitHub's primary rate limits: `core`, 5,000 requests an hour per token and
 * 60 an hour per client IP without one; `search`, 30 a minute per token and
 * 10 without. A window starts at a client's first counted request. Any
 * token is accepted (the emulator checks none), so each distinct
 * Authorization header is its own client.
 */
/** `graphql` counts points (a query's cost), not requests; see graphql/cost.ts. */
export type RateLimitResource = 'core' | 'search' | 'graphql';

export interface RateLimitOptions {
  readonly authenticated: number;
  readonly unauthenticated: number;
  readonly windowMs: number;
}

/**
 * GitHub's limit for an installation on a non-Enterprise account: 5,000 an
 * hour, plus 50 for each repository beyond 20 and 50 for each user (of an
 * organization) beyond 20, at most 12,500. Each installation has its own.
 */
export interface InstallationLimitOptions {
  readonly base: number;
  readonly perExtra: number;
  readonly freeRepositories: number;
  readonly freeUsers: number;
  readonly max: number;
}

export const GITHUB_INSTALLATION_LIMITS: InstallationLimitOptions = { base: 5000, perExtra: 50, freeRepositories: 20, freeUsers: 20, max: 12_500 };

export function installationLimit(repositories: number, users: number, options: InstallationLimitOptions = GITHUB_INSTALLATION_LIMITS): number {
  const extra = Math.max(0, repositories - options.freeRepositories) + Math.max(0, users - options.freeUsers);
  return Math.min(options.base + options.perExtra * extra, options.max);
}

export const GITHUB_RATE_LIMITS: Readonly<Record<RateLimitResource, RateLimitOptions>> = {
  core: { authenticated: 5000, unauthenticated: 60, windowMs: 3600_000 },
  search: { authenticated: 30, unauthenticated: 10, windowMs: 60_000 },
  // GraphQL needs a token: nothing is answered without one.
  graphql: { authenticated: 5000, unauthenticated: 0, windowMs: 3600_000 },
};

export interface Client {
  readonly key: string;
  readonly authenticated: boolean;
  /** How GitHub names the client in its "API rate limit exceeded for …" message. */
  readonly subject: string;
  /** The `core` (and `graphql`: GitHub gives an installation the same points an hour) limit when it is not the authenticated one (an installation's). */
  readonly coreLimit?: number;
}

export interface Quota {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch seconds. */
  readonly reset: number;
  readonly used: number;
  readonly resource: RateLimitResource;
}

/** A test's "the limit is (about to be) exhausted", shared by every client. */
export interface Exhaustion {
  /** Requests still answered before the limit is hit. */
  remaining: number;
  /** Refused requests still to come before the limit lifts; undefined = until `resetAt`. */
  times: number | undefined;
  readonly resetAt: number;
}

export function identifyClient(authorization: string | undefined, address: string | undefined): Client {
  if (authorization && authorization.trim() !== '') {
    const digest = createHash('sha256').update(authorization.trim()).digest();
    return { key: `token:${digest.toString('hex', 0, 12)}`, authenticated: true, subject: `user ID ${digest.readUInt32BE(0) % 100_000_000}` };
  }
  const ip = (address ?? '127.0.0.1').replace(/^::ffff:/, '');
  return { key: `ip:${ip}`, authenticated: false, subject: ip };
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();
  private exhaustion: Exhaustion | undefined;

  constructor(
    private readonly resource: RateLimitResource,
    private readonly options: RateLimitOptions = GITHUB_RATE_LIMITS[resource],
  ) {}

  private limitOf(client: Client): number {
    if (this.resource !== 'search' && client.coreLimit !== undefined) return client.coreLimit;
    return client.authenticated ? this.options.authenticated : this.options.unauthenticated;
  }

  private activeExhaustion(now: number): Exhaustion | undefined {
    if (this.exhaustion && (now >= this.exhaustion.resetAt || this.exhaustion.times === 0)) this.exhaustion = undefined;
    return this.exhaustion;
  }

  private window(client: Client, now: number) {
    const current = this.windows.get(client.key);
    if (current && now < current.start + this.options.windowMs) return current;
    const fresh = { start: now, used: 0 };
    this.windows.set(client.key, fresh);
    return fresh;
  }

  /** The client's quota, counting nothing (`GET /rate_limit`, and 304 answers). */
  peek(client: Client, now: number): Quota {
    const limit = this.limitOf(client);
    const exhaustion = this.activeExhaustion(now);
    if (exhaustion) {
      return { limit, remaining: exhaustion.remaining, used: limit - exhaustion.remaining, reset: Math.ceil(exhaustion.resetAt / 1000), resource: this.resource };
    }
    const current = this.windows.get(client.key);
    const live = current && now < current.start + this.options.windowMs ? current : { start: now, used: 0 };
    return {
      limit,
      remaining: Math.max(0, limit - live.used),
      used: Math.min(live.used, limit),
      reset: Math.ceil((live.start + this.options.windowMs) / 1000),
      resource: this.resource,
    };
  }

  /** Counts one request (`points` of it for GraphQL); `allowed` false means the limit has not that much left, and nothing is counted. */
  consume(client: Client, now: number, points = 1): { readonly allowed: boolean; readonly quota: Quota } {
    const exhaustion = this.activeExhaustion(now);
    if (exhaustion) {
      if (exhaustion.remaining > 0) {
        exhaustion.remaining -= 1;
        return { allowed: true, quota: this.peek(client, now) };
      }
      const quota = this.peek(client, now);
      if (exhaustion.times !== undefined) exhaustion.times -= 1;
      return { allowed: false, quota };
    }
    const current = this.window(client, now);
    if (current.used + points > this.limitOf(client)) return { allowed: false, quota: this.peek(client, now) };
    current.used += points;
    return { allowed: true, quota: this.peek(client, now) };
  }

  /** Leaves `remaining` requests in the client's current window, as if the rest had been made (a test's spent budget). */
  spend(client: Client, remaining: number, now: number): Quota {
    const current = this.window(client, now);
    current.used = Math.max(0, this.limitOf(client) - remaining);
    return this.peek(client, now);
  }

  /** The exhaustion a test set, while it lasts. */
  exhaustionAt(now: number): Readonly<Exhaustion> | undefined {
    return this.activeExhaustion(now);
  }

  exhaust(exhaustion: Exhaustion): void {
    this.exhaustion = exhaustion;
  }

  clearExhaustion(): void {
    this.exhaustion = undefined;
  }
}
