import { describe, expect, it } from 'vitest';
import { composeState, encodeStatePayload, isStateExpired, splitState } from '../../../src/domain/github-connect-state';

const payload = { orgId: 'org_abc', nonce: 'n0nce-value', expiresAt: Date.UTC(2026, 11, 1, 12, 10) };
const signature = 'A'.repeat(43);

describe('the GitHub connect state', () => {
  it('should give back the organization, nonce and expiry it was made from', () => {
    const state = composeState(encodeStatePayload(payload), signature);
    expect(splitState(state)).toEqual({ encodedPayload: encodeStatePayload(payload), signature, payload });
  });

  it.each([
    ['empty', ''],
    ['no signature', encodeStatePayload(payload)],
    ['three parts', `${encodeStatePayload(payload)}.${signature}.x`],
    ['a short signature', `${encodeStatePayload(payload)}.abc`],
    ['a payload that is not base64url', `not*base64.${signature}`],
    ['a payload that is not JSON', `${Buffer.from('hello').toString('base64url')}.${signature}`],
    ['a payload without an organization', `${Buffer.from(JSON.stringify({ n: 'x', e: 1 })).toString('base64url')}.${signature}`],
    ['an expiry that is not a number', `${Buffer.from(JSON.stringify({ o: 'org', n: 'x', e: 'soon' })).toString('base64url')}.${signature}`],
  ])('should refuse %s', (_, state) => {
    expect(splitState(state)).toBeUndefined();
  });

  it.each([
    [Date.UTC(2026, 11, 1, 12, 9, 59), false],
    [Date.UTC(2026, 11, 1, 12, 10), true],
    [Date.UTC(2026, 11, 1, 12, 11), true],
  ])('should call a state expired at %s: %s', (now, expired) => {
    expect(isStateExpired(payload, new Date(now))).toBe(expired);
  });
});
