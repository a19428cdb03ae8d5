import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const VERIFICATION_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** Guessing 1 of 10^6 codes with 5 tries is a 0.0005% chance per code sent. */
export const MAX_VERIFICATION_ATTEMPTS = 5;
/** A resend inside this window sends nothing, so the endpoint cannot be used to flood an inbox. */
export const RESEND_INTERVAL_MS = 60 * 1000;

export function generateVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are stored only as a hash, salted with the user id. */
export function hashVerificationCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${code}`).digest('hex');
}

export function verificationCodeMatches(userId: string, code: string, storedHash: string): boolean {
  const candidate = Buffer.from(hashVerificationCode(userId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
