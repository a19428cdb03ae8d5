import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { appSecret } from '../integrations/secrets';

/**
 * Server-side secrets derived from APP_SECRET, one key per purpose (HKDF), so
 * a key used to sign cursors can never decrypt a stored token.
 */
async function keyFor(purpose: string): Promise<Buffer> {
  return Buffer.from(hkdfSync('sha256', await appSecret(), 'devinsights', purpose, 32));
}

/** AES-256-GCM; the output carries its nonce and tag, base64url. */
export async function seal(purpose: string, plaintext: string): Promise<string> {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyFor(purpose), nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plaintext, or undefined when the box was not sealed by us for this purpose. */
export async function open(purpose: string, sealed: string): Promise<string | undefined> {
  // Outside the try: a secret that cannot be read is a fault, not a box we did not seal.
  const key = await keyFor(purpose);
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export async function sign(purpose: string, data: string): Promise<string> {
  return createHmac('sha256', await keyFor(purpose)).update(data).digest('base64url');
}

export async function signatureMatches(purpose: string, data: string, signature: string): Promise<boolean> {
  const expected = Buffer.from(await sign(purpose, data));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
