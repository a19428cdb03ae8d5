import { describe, expect, it } from 'vitest';
import * as errors from '../../../src/errors';
import { headersOf, isShown, statusOf } from '../../../src/http/error-responses';
import { errorResult } from '../../../src/http/responses';

const CONTRACT_STATUS: Record<string, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  PLAN_LIMIT_EXCEEDED: 402,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GITHUB_NOT_CONNECTED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  // Not an error to the client: contract "Sync", 202 while the first sync runs.
  SYNCING: 202,
};

function sample(name: string): errors.AppError {
  switch (name) {
    case 'ValidationError':
      return new errors.ValidationError('bad', []);
    case 'MethodNotAllowedError':
      return new errors.MethodNotAllowedError(['GET']);
    case 'PayloadTooLargeError':
      return new errors.PayloadTooLargeError(1024);
    case 'RateLimitedError':
      return new errors.RateLimitedError('slow down', 0.2);
    case 'FirstSyncPendingError':
      return new errors.FirstSyncPendingError({ status: 'running' }, 5);
    default: {
      const Type = (errors as unknown as Record<string, new (message: string) => errors.AppError>)[name]!;
      return new Type('message');
    }
  }
}

const errorNames = Object.keys(errors).filter((name) => name.endsWith('Error') && name !== 'AppError');

describe('mapping outcomes to HTTP', () => {
  it.each(errorNames)('It should answer %s with the status the contract sets for its code', (name) => {
    const error = sample(name);
    expect(statusOf(error)).toBe(CONTRACT_STATUS[error.code]);
    expect(isShown(error)).toBe(true);
  });

  it('It should round retry-after up to a whole second, never 0', () => {
    expect(headersOf(new errors.RateLimitedError('slow down', 0.2))).toEqual({ 'retry-after': '1' });
  });

  it('It should answer a pending first sync 202 with the sync, success true and retry-after', () => {
    const result = errorResult(new errors.FirstSyncPendingError({ status: 'running', repositories: { done: 1, total: 5 } }, 4.2));
    expect(result).toEqual({ statusCode: 202, body: { success: true, status: 'syncing', sync: { status: 'running', repositories: { done: 1, total: 5 } } }, headers: { 'retry-after': '5' } });
  });

  it('It should not show a fault that is not an AppError', () => {
    expect(isShown(new Error('table key ORG#x missing'))).toBe(false);
  });
});
