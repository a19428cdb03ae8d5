import { config } from '../config';
import { isLoginRefused } from '../domain/login-limit';
import type { TenantContext } from '../guard/tenant-context';
import {
  countClientRequest,
  countFailedAuthentication,
  countFailedLogin,
  countOrganizationRequest,
  failedLoginsOf,
} from '../repositories/rate-counters';
import type { RouteDefinition } from '../routes';
import { RateLimitedError, ServiceUnavailableError, UnauthenticatedError } from '../errors';
import type { Logger } from './logger';
import { recordRateCounterUnavailable } from './metrics';

/**
 * Per-IP and per-organization request limits, a stricter per-IP limit on
 * failed authentications and wrong codes, and a per-account limit on failed
 * logins, in one-minute windows counted in DynamoDB (so they hold across
 * Lambda instances).
 *
 * When a counter cannot be read or written: the request limits fail open
 * (logged, and counted as the `RateCounterUnavailable` metric) because they
 * protect capacity and must not turn a throttled counter into an outage; the
 * account's login limit fails closed (503), because a guessing flood at one
 * account is exactly what throttles its counter, and login reads the same
 * table right after, so refusing costs no availability that was there.
 */
export function minuteOf(now: number): number {
  return Math.floor(now / 60_000);
}

const secondsLeftIn = (now: number) => Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000));

/** Liveness probes are never limited. */
export function isRateLimited(route: RouteDefinition): boolean {
  return route.path !== '/health' && config().rateLimits.enabled;
}

/** DynamoDB calls the limits add to one request of this route (on top of its `dynamodbBudget`), at most. */
export function rateLimitCallsOf(route: RouteDefinition, status: number): number {
  if (route.path === '/health') return 0;
  const failureCounted = status === 401 || (route.path === '/auth/verify' && status === 400);
  return (route.access === 'public' ? 1 : 2) + (failureCounted ? 1 : 0);
}

function counterUnavailable(counter: string, error: unknown, log: Logger): void {
  log.warn('rate counter unavailable', { counter, error });
  recordRateCounterUnavailable(counter, log);
}

export async function enforceClientLimit(sourceIp: string, now: number, log: Logger): Promise<void> {
  const limits = config().rateLimits;
  let counts;
  try {
    counts = await countClientRequest(sourceIp, minuteOf(now));
  } catch (error) {
    counterUnavailable('client', error, log);
    return;
  }
  if (counts.failures >= limits.failedAuthPerIpPerMinute) {
    throw new RateLimitedError('Too many failed sign-in attempts from your address; try again shortly', secondsLeftIn(now));
  }
  if (counts.requests > limits.perIpPerMinute) {
    throw new RateLimitedError('Too many requests from your address; slow down', secondsLeftIn(now));
  }
}

export async function enforceOrganizationLimit(tenant: TenantContext, now: number, log: Logger): Promise<void> {
  let requests;
  try {
    requests = await countOrganizationRequest(tenant, minuteOf(now));
  } catch (error) {
    counterUnavailable('organization', error, log);
    return;
  }
  if (requests > config().rateLimits.perOrganizationPerMinute) {
    throw new RateLimitedError('Your organization is sending too many requests; slow down', secondsLeftIn(now));
  }
}

/** A failed authentication or a wrong code from this address. */
export async function recordFailedAuthentication(sourceIp: string, now: number, log: Logger): Promise<void> {
  try {
    await countFailedAuthentication(sourceIp, minuteOf(now));
  } catch (error) {
    counterUnavailable('failed-authentication', error, log);
  }
}

/**
 * Guards one account against password guessing: `attempt` runs only while
 * this client may try (see `isLoginRefused`), and a failed one (401) is
 * counted for the account and for the client.
 */
export async function withAccountLoginLimit<T>(
  email: string,
  sourceIp: string,
  log: Logger,
  attempt: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const limits = config().rateLimits;
  if (!limits.enabled) return attempt();
  const minute = minuteOf(now);
  let failures;
  try {
    failures = await failedLoginsOf(email, sourceIp, minute);
  } catch (error) {
    counterUnavailable('account-login', error, log);
    throw new ServiceUnavailableError('Sign-in is unavailable for a moment; try again shortly', 5);
  }
  if (isLoginRefused(failures, limits.failedLoginPerAccountPerMinute)) {
    throw new RateLimitedError('Too many failed sign-in attempts for this account; try again shortly', secondsLeftIn(now));
  }
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      await countFailedLogin(email, sourceIp, minute).catch((counting: unknown) => counterUnavailable('account-login', counting, log));
    }
    throw error;
  }
}
