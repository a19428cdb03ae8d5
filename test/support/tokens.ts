import { createPrivateKey, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * Mints JWTs for attack tests. cognito-local signs every pool's tokens with
 * one static key that ships in its package; signing with it lets a test build
 * a token that is valid in every way but one (expired, wrong audience, ...).
 */
const require = createRequire(import.meta.url);
const cognitoLocalKey = require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };

export const COGNITO_LOCAL_KEY: KeyObject = createPrivateKey(cognitoLocalKey.pem);

export function foreignKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject = COGNITO_LOCAL_KEY,
): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>,
  };
}

/** The same token with its payload changed and the original signature kept. */
export function tamperPayload(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  const { payload } = decodeJwt(token);
  return `${header}.${base64url({ ...payload, ...changes })}.${signature}`;
}
