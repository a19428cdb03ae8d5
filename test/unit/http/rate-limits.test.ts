import { beforeAll, describe, expect, it, vi } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { RateLimitedError, ServiceUnavailableError } from '../../../src/errors';
import { logger, setLogLevel } from '../../../src/http/logger';
import { enforceClientLimit, enforceOrganizationLimit, withAccountLoginLimit } from '../../../src/http/rate-limits';

/**
 * What the limits do when their counters cannot be reached. No mock: the
 * DynamoDB client points at a port where nothing listens, so every counter
 * call fails as it would in an outage.
 */
beforeAll(() => {
  provideAppEnvironment({
    USER_POOL_ID: 'local_pool',
    USER_POOL_CLIENT_ID: 'client',
    APP_SECRET: 'unit-test-secret-of-at-least-32-chars',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    RATE_LIMITS_ENABLED: 'true',
    LOG_LEVEL: 'error',
  });
  setLogLevel('error');
});

const log = logger.child({});

describe('rate limits without their counters', () => {
  it('It should let requests through when the per-address counter is unreachable', async () => {
    await expect(enforceClientLimit('192.0.2.1', Date.now(), log)).resolves.toBeUndefined();
  });

  it("It should let requests through when the organization's counter is unreachable", async () => {
    await expect(enforceOrganizationLimit({ orgId: 'org_x', userId: 'usr_x', role: 'member' }, Date.now(), log)).resolves.toBeUndefined();
  });

  it('It should refuse a login with 503 instead of trying the password unlimited', async () => {
    const attempt = vi.fn(async () => 'tokens');
    const outcome = withAccountLoginLimit('sarah@example.test', '192.0.2.1', log, attempt);
    await expect(outcome).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(outcome).rejects.not.toBeInstanceOf(RateLimitedError);
    expect(attempt).not.toHaveBeenCalled();
  });
});
