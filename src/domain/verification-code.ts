import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const VERIFICATION_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** Guessing 1 of 10^6 codes with 5 tries is a 0.0005% chance per code sent. */
export const MAX_VERIFICATION_ATTEMPTS = 5;
/**
 * Once a code's attempts are spent, each client that has not tried it yet
 * still gets one try (so strangers' guesses cannot lock the owner out), up
 * to this many clients per code (which bounds the item and the guesses).
 */
export const MAX_VERIFICATION_CLIENTS = 50;
/** A resend inside this window sends nothing, so the endpoint cannot be used to flood an inbox. */
export const RESEND_INTERVAL_MS = 60 * 1000;

/** A code as stored: its hash, expiry, attempts so far and which clients (by key) spent them. */
export interface PendingCode {
  readonly codeHash: string;
  readonly expiresAt: number;
  readonly attempts: number;
  readonly clients: Readonly<Record<string, number>>;
  readonly sentAt: number;
}

export function generateVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are stored only as a hash, salted with the user id. */
export function hashVerificationCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${code}`).digest('hex');
}

/** A fresh code with fresh attempts (signup, and every resend). */
export function newPendingCode(userId: string, now: Date): { code: string; pending: PendingCode } {
  const code = generateVerificationCode();
  const sentAt = now.getTime();
  return {
    code,
    pending: { codeHash: hashVerificationCode(userId, code), expiresAt: sentAt + VERIFICATION_CODE_TTL_MS, attempts: 0, clients: {}, sentAt },
  };
}

/** How a client is named inside the account item: a short hash, so no IP address is stored there. */
export function clientKeyOf(sourceIp: string): string {
  return createHash('sha256').update(`verification-client:${sourceIp}`).digest('base64url').slice(0, 16);
}

export function verificationCodeMatches(userId: string, code: string, storedHash: string): boolean {
  const candidate = Buffer.from(hashVerificationCode(userId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

/**
 * Whether this client may spend an attempt on the code: while the code has
 * attempts left, or, once they are spent, if this client never tried it (and
 * the code has not been tried by too many clients already). One client never
 * gets more than the code's attempts.
 */
export function mayTryCode(pending: Pick<PendingCode, 'attempts' | 'clients'>, clientKey: string): boolean {
  const triedByClient = pending.clients[clientKey] ?? 0;
  if (triedByClient >= MAX_VERIFICATION_ATTEMPTS) return false;
  if (pending.attempts < MAX_VERIFICATION_ATTEMPTS) return true;
  return triedByClient === 0 && Object.keys(pending.clients).length < MAX_VERIFICATION_CLIENTS;
}
