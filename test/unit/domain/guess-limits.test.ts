import { describe, expect, it } from 'vitest';
import { isLoginRefused } from '../../../src/domain/login-limit';
import { MAX_VERIFICATION_ATTEMPTS, MAX_VERIFICATION_CLIENTS, mayTryCode } from '../../../src/domain/verification-code';

const LIMIT = 10;

describe('the login limit', () => {
  it.each([
    ['an account below its limit, a client that failed', { account: LIMIT - 1, client: LIMIT - 1 }, false],
    ['an account at its limit, a client that never failed', { account: LIMIT, client: 0 }, false],
    ['an account far over its limit, a client that never failed', { account: 10 * LIMIT, client: 0 }, false],
    ['an account at its limit, a client that failed once', { account: LIMIT, client: 1 }, true],
    ['an account at its limit, all failures from this client', { account: LIMIT, client: LIMIT }, true],
  ])('It should decide %s', (_case, failures, refused) => {
    expect(isLoginRefused(failures, LIMIT)).toBe(refused);
  });
});

const clients = (count: number, each = 1) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`c${i}`, each]));

describe('verification code attempts', () => {
  it('It should let any client try a fresh code', () => {
    expect(mayTryCode({ attempts: 0, clients: {} }, 'owner')).toBe(true);
  });

  it('It should let a client that never tried in after strangers spent every attempt', () => {
    expect(mayTryCode({ attempts: MAX_VERIFICATION_ATTEMPTS, clients: { stranger: MAX_VERIFICATION_ATTEMPTS } }, 'owner')).toBe(true);
  });

  it('It should refuse a client that spent every attempt itself', () => {
    expect(mayTryCode({ attempts: MAX_VERIFICATION_ATTEMPTS, clients: { guesser: MAX_VERIFICATION_ATTEMPTS } }, 'guesser')).toBe(false);
  });

  it('It should refuse a client that already tried once the attempts are spent', () => {
    expect(mayTryCode({ attempts: MAX_VERIFICATION_ATTEMPTS, clients: { a: 4, b: 1 } }, 'b')).toBe(false);
  });

  it('It should refuse new clients once too many tried the spent code', () => {
    const state = { attempts: MAX_VERIFICATION_CLIENTS + MAX_VERIFICATION_ATTEMPTS, clients: clients(MAX_VERIFICATION_CLIENTS) };
    expect(mayTryCode(state, 'owner')).toBe(false);
  });
});
