import {
  generateVerificationCode,
  hashVerificationCode,
  MAX_VERIFICATION_ATTEMPTS,
  RESEND_INTERVAL_MS,
  VERIFICATION_CODE_TTL_MS,
  verificationCodeMatches,
} from '../domain/verification-code';
import { ValidationError } from '../errors';
import type { Logger } from '../http/logger';
import { confirmUser } from '../integrations/cognito';
import {
  findAccountByEmail,
  markAccountVerified,
  claimVerificationAttempt,
  replaceVerificationCode,
} from '../repositories/accounts';
import { loadUserWithMemberships } from '../repositories/memberships';
import { sendVerificationCode } from './signup';

const ATTEMPTS_RESET_AFTER_MS = 15 * 60 * 1000;

// One answer for an unknown email, a wrong code, an expired code and too many tries.
const invalidCode = () =>
  new ValidationError('Invalid or expired verification code', [
    { path: 'code', message: 'Invalid or expired; request a new code if needed' },
  ]);

export async function verifyEmail(email: string, code: string, now = new Date()): Promise<void> {
  const account = await findAccountByEmail(email);
  const pending = account?.status === 'pending_verification' ? account.verification : undefined;
  if (!account?.userId || !pending) throw invalidCode();
  if (pending.expiresAt <= now.getTime()) throw invalidCode();
  if (!(await claimVerificationAttempt(email, pending.codeHash, MAX_VERIFICATION_ATTEMPTS))) throw invalidCode();
  if (!verificationCodeMatches(account.userId, code, pending.codeHash)) throw invalidCode();
  await confirmUser(account.userId, email);
  await markAccountVerified(email, pending.codeHash);
}

/** Always succeeds from the caller's view; sends a code only to a pending account, once per window. */
export async function resendVerification(email: string, log: Logger, now = new Date()): Promise<void> {
  const account = await findAccountByEmail(email);
  const pending = account?.status === 'pending_verification' ? account.verification : undefined;
  if (!account?.userId || !pending || now.getTime() - pending.sentAt < RESEND_INTERVAL_MS) return;
  const code = generateVerificationCode();
  const replaced = await replaceVerificationCode(
    email,
    {
      codeHash: hashVerificationCode(account.userId, code),
      expiresAt: now.getTime() + VERIFICATION_CODE_TTL_MS,
      // Resending does not buy more guesses: the count starts over only once the last code is old.
      attempts: now.getTime() - pending.sentAt >= ATTEMPTS_RESET_AFTER_MS ? 0 : pending.attempts,
      sentAt: now.getTime(),
    },
    pending.sentAt,
  );
  if (!replaced) return;
  const { profile } = await loadUserWithMemberships(account.userId);
  await sendVerificationCode(email, profile?.name ?? 'there', code, log);
}
