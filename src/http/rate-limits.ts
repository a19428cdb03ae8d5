import { config } from '../config';
import type { TenantContext } from '../guard/tenant-context';
import {
  countClientRequest,
  countFailedAuthentication,
  countFailedLogin,
  countOrganizationRequest,
  failedLoginsOf,
} from '../repositories/rate-counters';
import type { RouteDefinition } from '../routes';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import type { Logger } from './logger';

/**
 * Per-IP and per-organization request limits and a stricter per-IP limit on
 * failed authentications, in one-minute windows counted in DynamoDB (so they
 * hold across Lambda instances). A counter that cannot be written lets the
 * request through: the limits protect the service, they must not take it down.
 */
export function minuteOf(now: number): number {
  return Math.floor(now / 60_000);
}

const secondsLeftIn = (now: number) => Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000));

/** Liveness probes are never limited. */
export function isRateLimited(route: RouteDefinition): boolean {
  return route.path !== '/health' && config().rateLimits.enabled;
}

/** DynamoDB calls the limits add to one request of this route (on top of its `dynamodbBudget`). */
export function rateLimitCallsOf(route: RouteDefinition, status: number): number {
  if (route.path === '/health') return 0;
  return (route.access === 'public' ? 1 : 2) + (status === 401 ? 1 : 0);
}

export async function enforceClientLimit(sourceIp: string, now: number, log: Logger): Promise<void> {
  const limits = config().rateLimits;
  let counts;
  try {
    counts = await countClientRequest(sourceIp, minuteOf(now));
  } catch (error) {
    log.warn('client rate counter unavailable', { error });
    return;
  }
  if (counts.failures >= limits.failedAuthPerIpPerMinute) {
    throw new RateLimitedError('Too many failed sign-in attempts from your address; try again shortly', secondsLeftIn(now));
  }
  if (counts.requests > limits.perIpPerMinute) {
    throw new RateLimitedError('Too many requests from your address; slow down', secondsLeftIn(now));
  }
}

export async function enforceOrganizationLimit(tenant: Pick<TenantContext, 'orgId'>, now: number, log: Logger): Promise<void> {
  let requests;
  try {
    requests = await countOrganizationRequest(tenant, minuteOf(now));
  } catch (error) {
    log.warn('organization rate counter unavailable', { error });
    return;
  }
  if (requests > config().rateLimits.perOrganizationPerMinute) {
    throw new RateLimitedError('Your organization is sending too many requests; slow down', secondsLeftIn(now));
  }
}

export async function recordFailedAuthentication(sourceIp: string, now: number, log: Logger): Promise<void> {
  try {
    await countFailedAuthentication(sourceIp, minuteOf(now));
  } catch (error) {
    log.warn('failed-authentication counter unavailable', { error });
  }
}

/**
 * Guards one account against password guessing spread over many addresses:
 * `attempt` runs only while the email has failed logins left this minute,
 * and a failed one (401) is counted.
 */
export async function withAccountLoginLimit<T>(email: string, log: Logger, attempt: () => Promise<T>, now = Date.now()): Promise<T> {
  const limits = config().rateLimits;
  if (!limits.enabled) return attempt();
  const minute = minuteOf(now);
  const failures = await failedLoginsOf(email, minute).catch((error: unknown) => {
    log.warn('account login counter unavailable', { error });
    return 0;
  });
  if (failures >= limits.failedLoginPerAccountPerMinute) {
    throw new RateLimitedError('Too many failed sign-in attempts for this account; try again shortly', secondsLeftIn(now));
  }
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      await countFailedLogin(email, minute).catch((counting: unknown) => log.warn('account login counter unavailable', { error: counting }));
    }
    throw error;
  }
}
