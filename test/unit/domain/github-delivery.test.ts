import { describe, expect, it } from 'vitest';
import { describeDelivery, MAX_KEPT_PAYLOAD_BYTES } from '../../../src/domain/github-delivery';

const receivedAt = new Date('2026-12-01T10:00:00Z');
const kept = (payload: object, rawBody = JSON.stringify(payload)) => describeDelivery({ deliveryId: 'd-1', event: 'push', rawBody, payload, receivedAt });

describe('what is kept of a GitHub delivery', () => {
  it('It should keep the action, installation, repository and sender', () => {
    expect(kept({ action: 'opened', installation: { id: 7 }, repository: { full_name: 'acme/site' }, sender: { login: 'ada' } })).toMatchObject({
      action: 'opened',
      installationId: 7,
      repository: 'acme/site',
      senderLogin: 'ada',
    });
  });

  it.each([
    ['no installation', {}],
    ['an installation id that is a string', { installation: { id: '7' } }],
    ['a negative installation id', { installation: { id: -7 } }],
    ['a fractional installation id', { installation: { id: 7.5 } }],
  ])('It should file a payload with %s under no installation', (_, payload) => {
    expect(kept(payload).installationId).toBeUndefined();
  });

  it('It should keep a payload up to the cap, and only its size beyond', () => {
    const small = JSON.stringify({ pad: 'x'.repeat(MAX_KEPT_PAYLOAD_BYTES - 20) });
    const large = JSON.stringify({ pad: 'x'.repeat(MAX_KEPT_PAYLOAD_BYTES) });
    expect(kept({}, small).payload).toBe(small);
    expect(kept({}, large)).toMatchObject({ payload: undefined, payloadBytes: Buffer.byteLength(large) });
  });

  it('It should cut a very long text field to 256 characters', () => {
    expect(kept({ action: 'a'.repeat(1000) }).action).toHaveLength(256);
  });
});
