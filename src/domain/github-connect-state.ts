/**
 * The `state` of a GitHub connect: `<payload>.<signature>`, the payload
 * base64url JSON `{o: orgId, n: nonce, e: expiry ms}`. The signature (HMAC,
 * computed by the caller) makes it unforgeable; the stored item (by the
 * state's hash) makes it single-use. Pure: no clock, no key.
 */
export interface ConnectStatePayload {
  readonly orgId: string;
  readonly nonce: string;
  readonly expiresAt: number;
}

/** Ten minutes, like GitHub's own OAuth codes: long enough to pick an account, short enough to be worthless when leaked. */
export const CONNECT_STATE_TTL_MS = 10 * 60_000;

export function encodeStatePayload(payload: ConnectStatePayload): string {
  return Buffer.from(JSON.stringify({ o: payload.orgId, n: payload.nonce, e: payload.expiresAt })).toString('base64url');
}

export function composeState(encodedPayload: string, signature: string): string {
  return `${encodedPayload}.${signature}`;
}

/** The parts of a well-formed state, or undefined; the signature is still the caller's to check. */
export function splitState(state: string): { encodedPayload: string; signature: string; payload: ConnectStatePayload } | undefined {
  const parts = state.split('.');
  if (parts.length !== 2) return undefined;
  const [encodedPayload = '', signature = ''] = parts;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(encodedPayload) || !/^[A-Za-z0-9_-]{16,128}$/.test(signature)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { o, n, e } = (raw ?? {}) as { o?: unknown; n?: unknown; e?: unknown };
  if (typeof o !== 'string' || o.length === 0 || typeof n !== 'string' || n.length === 0 || typeof e !== 'number' || !Number.isFinite(e)) {
    return undefined;
  }
  return { encodedPayload, signature, payload: { orgId: o, nonce: n, expiresAt: e } };
}

export function isStateExpired(payload: ConnectStatePayload, now: Date): boolean {
  return payload.expiresAt <= now.getTime();
}
