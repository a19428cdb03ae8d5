import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../config';

/**
 * Server-side secrets derived from APP_SECRET, one key per purpose (HKDF), so
 * a key used to sign cursors can never decrypt a stored token.
 */
function keyFor(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', config().appSecret, 'devinsights', purpose, 32));
}

/** AES-256-GCM; the output carries its nonce and tag, base64url. */
export function seal(purpose: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plaintext, or undefined when the box was not sealed by us for this purpose. */
export function open(purpose: string, sealed: string): string | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export function sign(purpose: string, data: string): string {
  return createHmac('sha256', keyFor(purpose)).update(data).digest('base64url');
}

export function signatureMatches(purpose: string, data: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, data));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
